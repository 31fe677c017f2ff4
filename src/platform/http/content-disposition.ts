/**
 * Content-Disposition for a download under a name that may hold Chinese (RFC 6266 / RFC 8187
 * `filename*=UTF-8''…`): the browser saves the file, by that name, instead of showing it.
 */
export const attachmentHeader = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
