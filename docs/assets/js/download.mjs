// Saving a file made in the browser (exports, the comparison, meeting papers): nothing is sent
// anywhere. Used only by pages that make files, so guidance pages never load it.

export function download(contents, fileName, type) {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
