/**
 * Stands in for `mime-types` (and its ~140 KB `mime-db`) in the cloud-function bundles. Its only
 * importer is form-data, which the Tencent Cloud SDK uses for multipart uploads, and form-data
 * asks `lookup(name)` only for file-like values (a stream with a path, or a `filename` option);
 * when the answer is `false` it sends `application/octet-stream`. Our ESS calls are JSON POSTs,
 * never multipart. The few types an upload of ours could carry are listed; anything else is false.
 */
import path from 'path';

const TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
};

/** The content type for a file name or path, or `false` when unknown (as mime-types answers). */
export function lookup(nameOrPath: string): string | false {
  if (typeof nameOrPath !== 'string' || !nameOrPath) return false;
  // As mime-types does: 'json', 'a.json' and '/tmp/A.JSON' all name the extension '.json'.
  return TYPES[path.extname(`x.${nameOrPath}`).toLowerCase()] ?? false;
}
