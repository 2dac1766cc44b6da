/**
 * The media type of an attached file as the checks need it. The browser fills File.type from the
 * file name, and leaves it empty for names it has no mapping for (a .heic on a machine without a
 * MIME database entry for it, some drag sources): then the name's extension decides. The bytes
 * are sniffed again on the trusted side (src/image/containers.ts sniffKind), so a wrong name can
 * cost a check, never skip one that the type would have allowed.
 */
const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  hif: 'image/heif',
  avif: 'image/avif',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  qt: 'video/quicktime',
  webm: 'video/webm',
};

/** Types some systems give these files, mapped to the ones the checks name. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'video/x-m4v': 'video/mp4',
};

export function mediaTypeOf(file: { name: string; type: string }): string {
  const type = file.type.toLowerCase();
  if (type && type !== 'application/octet-stream') return ALIASES[type] ?? type;
  const dot = file.name.lastIndexOf('.');
  return dot >= 0 ? (BY_EXTENSION[file.name.slice(dot + 1).toLowerCase()] ?? type) : type;
}
