import { gzipSync } from 'node:zlib';

/** Bytes per KB in every figure the bench prints (the existing sections divide by 1,024 too). */
export const bytesPerKb = 1024;

/**
 * Size of `data` gzipped at level 9, the way a server with precompressed assets sends one file.
 * Each file is compressed on its own (as it travels), never concatenated with its neighbours.
 */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data) : data, { level: 9 }).length;
}

export function toKb(bytes: number): number {
  return bytes / bytesPerKb;
}
