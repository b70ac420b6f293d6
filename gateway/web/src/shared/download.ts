/** Hands text to the browser as a file (CSV exports of the auditor console and the report page). */

/** Offers text as a download without keeping it anywhere: the object URL is revoked once clicked. */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
