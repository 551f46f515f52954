"""The self-assessment in the offline copy, opened from disk (file://): no instant navigation,
pages end in .html, and the modules run as the classic-script bundle."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.test_offline import disk_page, offline_copy  # noqa: F401 (fixtures)


def test_checklist_and_summary_work_from_disk(disk_page, offline_copy):  # noqa: F811
    page = disk_page
    page.goto((offline_copy / "markers" / "improvement-action.html").as_uri())
    expect(page.locator(".scr-checklist fieldset")).to_have_count(5)
    q = page.locator("#q-time-given")
    q.get_by_label("No", exact=True).check()
    q.get_by_label("Notes and evidence").fill("answered offline")
    expect(q.get_by_role("status")).to_have_text("Saved")
    page.get_by_role("link", name="Change review, see the summary, download or import").click()
    expect(page).to_have_url((offline_copy / "self-assessment.html").as_uri())
    expect(page.locator("[data-scr=total]")).to_contain_text("1 of 5 questions answered")
    expect(page.locator(".scr-discuss")).to_contain_text("answered offline")
    page.get_by_role("link", name="Marker 15, Improvement action: question 3").click()
    expect(page).to_have_url((offline_copy / "markers" / "improvement-action.html").as_uri() + "#q-time-given")
    expect(page.locator("#q-time-given").get_by_label("Notes and evidence")).to_have_value("answered offline")
