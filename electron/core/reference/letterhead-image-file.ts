import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { LetterheadImageKind } from '#shared/reference/contract';

/** What an image must be to print on the letterhead: rule parameters `letterhead.*`. */
export interface LetterheadImageLimits {
  maxBytes: number;
  minPixels: number;
  maxPixels: number;
  maxAspect: number;
}

export interface InspectedImage {
  mimeType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The JPEG markers that start a frame and carry its size (SOF0–SOF15 but DHT, JPG, DAC). */
const JPEG_FRAME_MARKERS = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

const WORD: Record<LetterheadImageKind, string> = {
  state_emblem: 'emblem',
  department_logo: 'logo',
};

/**
 * Checks a file offered as the state emblem or the department logo by its own bytes, not
 * its name: a PNG or JPEG that pdfkit can open, within the size, pixel and shape limits.
 * Answers the image's type and size in pixels, or the sentence that says what is wrong.
 */
export function inspectLetterheadImage(
  kind: LetterheadImageKind,
  content: Buffer,
  limits: LetterheadImageLimits,
): InspectedImage | { refusal: string } {
  const word = WORD[kind];
  if (content.length === 0) return { refusal: 'The file is empty.' };
  if (content.length > limits.maxBytes) {
    return {
      refusal: `The file is ${kb(content.length)} KB; the ${word} may be at most ${kb(limits.maxBytes)} KB. Save it smaller (PNG, at most ${limits.maxPixels} pixels across) and choose it again.`,
    };
  }
  const head = content.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) {
    return {
      refusal: `SVG files cannot be printed yet. Save the ${word} as a PNG (at least ${limits.minPixels} pixels across) and choose that file.`,
    };
  }
  const image = sizeOf(content);
  if (!image) {
    return {
      refusal: `This file is not a PNG or JPEG picture. Choose the ${word} saved as PNG or JPEG.`,
    };
  }
  if (!pdfkitOpens(content, image.mimeType)) {
    return {
      refusal: `The file looks like a ${image.mimeType === 'image/png' ? 'PNG' : 'JPEG'} but cannot be read; it may be damaged. Save the ${word} again and choose the new file.`,
    };
  }
  const { width, height } = image;
  const pixels = `${width} × ${height} pixels`;
  if (Math.min(width, height) < limits.minPixels) {
    return {
      refusal: `The picture is ${pixels}; the ${word} needs at least ${limits.minPixels} pixels on its shorter side to print sharply. Choose a larger picture.`,
    };
  }
  if (Math.max(width, height) > limits.maxPixels) {
    return {
      refusal: `The picture is ${pixels}; the ${word} may have at most ${limits.maxPixels} pixels on its longer side. Save it smaller and choose it again.`,
    };
  }
  if (Math.max(width, height) > limits.maxAspect * Math.min(width, height)) {
    return {
      refusal: `The picture is ${pixels}, more than ${limits.maxAspect} times as ${width > height ? 'wide as it is high' : 'high as it is wide'}; the ${word} is printed in a square. Crop it closer and choose it again.`,
    };
  }
  return image;
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);

function sizeOf(content: Buffer): InspectedImage | null {
  if (content.subarray(0, 8).equals(PNG_SIGNATURE)) {
    // The first chunk of every PNG is IHDR: width and height, big-endian, at bytes 16 and 20.
    if (content.length < 24 || content.toString('latin1', 12, 16) !== 'IHDR') return null;
    return {
      mimeType: 'image/png',
      width: content.readUInt32BE(16),
      height: content.readUInt32BE(20),
    };
  }
  if (content.subarray(0, 3).equals(JPEG_SIGNATURE)) return jpegSize(content);
  return null;
}

/** Walks a JPEG's segments to its frame header, which holds the picture's size. */
function jpegSize(content: Buffer): InspectedImage | null {
  let at = 2;
  while (at + 9 <= content.length) {
    if (content[at] !== 0xff) return null;
    const marker = content[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (JPEG_FRAME_MARKERS.has(marker)) {
      return {
        mimeType: 'image/jpeg',
        height: content.readUInt16BE(at + 5),
        width: content.readUInt16BE(at + 7),
      };
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    at += 2 + content.readUInt16BE(at + 2);
  }
  return null;
}

/**
 * Whether pdfkit, which draws it on every printout, can open the picture; and, for a PNG,
 * whether its pixels unpack. pdfkit unpacks a PNG with transparency only while it writes
 * the PDF, in a callback where a damaged file would throw out of reach: it is tried here.
 */
function pdfkitOpens(content: Buffer, mimeType: InspectedImage['mimeType']): boolean {
  const scratch = new PDFDocument({ autoFirstPage: false }) as PDFKit.PDFDocument & {
    openImage(source: Buffer): unknown;
  };
  try {
    scratch.openImage(content);
    return mimeType === 'image/png' ? pngPixelsUnpack(content) : true;
  } catch {
    return false;
  }
}

/** Channels of each PNG colour type: grey, RGB, palette, grey + alpha, RGBA. */
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function pngPixelsUnpack(content: Buffer): boolean {
  const data: Buffer[] = [];
  let at = 8;
  while (at + 8 <= content.length) {
    const length = content.readUInt32BE(at);
    const type = content.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > content.length) return false;
    if (type === 'IDAT') data.push(content.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const width = content.readUInt32BE(16);
  const height = content.readUInt32BE(20);
  const bitDepth = content[24]!;
  const channels = PNG_CHANNELS[content[25]!];
  const interlaced = content[28] === 1;
  if (!channels || data.length === 0) return false;
  const pixels = inflateSync(Buffer.concat(data));
  // Each row: a filter byte and its samples. An interlaced picture is stored in passes.
  const expected = height * (1 + Math.ceil((width * channels * bitDepth) / 8));
  return interlaced ? pixels.length > 0 : pixels.length >= expected;
}
