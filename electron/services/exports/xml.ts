/** Text made safe for an XML attribute or element: escaped, without the control characters XML 1.0 forbids. */
export const xml = (s: string | number | null | undefined): string =>
  String(s ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
