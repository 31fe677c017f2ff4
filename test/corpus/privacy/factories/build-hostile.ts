import zlib from 'node:zlib';

/**
 * Hostile files for the extraction budgets (issue 10): each is small on disk and expensive to read.
 * Built here, byte by byte, so the suite carries no binary fixtures.
 */

const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; };
const u64 = (n: bigint) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(n); return b; };

/** 128 bytes: a ZIP64 end-of-directory record claiming 4,294,967,295 entries, and nothing else. */
export function zip64EntryBomb(): Uint8Array {
  const zip64Eocd = Buffer.concat([
    u32(0x06064b50), u64(44n), u16(45), u16(45), u32(0), u32(0),
    u64(0xffffffffn), u64(0xffffffffn), u64(0n), u64(0n),
  ]);
  const pad = Buffer.alloc(128 - zip64Eocd.length - 20 - 22, 0);
  Buffer.from('PK').copy(pad);
  const locator = Buffer.concat([u32(0x07064b50), u32(0), u64(BigInt(pad.length)), u32(1)]);
  const eocd = Buffer.concat([u32(0x06054b50), u16(0xffff), u16(0xffff), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0)]);
  const out = Buffer.concat([pad, zip64Eocd, locator, eocd]);
  if (out.length !== 128) throw new Error(`zip64EntryBomb is ${out.length} bytes`);
  return new Uint8Array(out);
}

/** One stored zip entry built from raw deflate data; sizes as declared (which may lie). */
function zipOf(entries: { name: string; deflated: Buffer; crc: number; size: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.concat([
      u32(0x04034b50), u16(20), u16(0), u16(8), u16(0), u16(0), u32(e.crc), u32(e.deflated.length), u32(e.size), u16(name.length), u16(0), name, e.deflated,
    ]);
    central.push(Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(0), u16(8), u16(0), u16(0), u32(e.crc), u32(e.deflated.length), u32(e.size),
      u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name,
    ]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

const deflated = (s: string) => ({ deflated: zlib.deflateRawSync(Buffer.from(s)), crc: zlib.crc32(Buffer.from(s)), size: Buffer.byteLength(s) });

/**
 * A .docx whose word/document.xml inflates to `megabytes` MB (250 in the issue) from a few hundred KB:
 * one deflated megabyte of paragraphs, repeated. `declaredMegabytes` lets the header lie about it.
 */
export function docxBomb(megabytes = 250, declaredMegabytes = megabytes): Uint8Array {
  const head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  const para = '<w:p><w:r><w:t>联系电话 0564-5022001</w:t></w:r></w:p>';
  const mb = Buffer.from(para.repeat(Math.ceil((1 << 20) / Buffer.byteLength(para)))).subarray(0, 1 << 20);
  // Full flushes end each chunk on a byte boundary with an empty dictionary, so the chunk can repeat.
  const chunk = zlib.deflateRawSync(mb, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const headBytes = zlib.deflateRawSync(Buffer.from(head), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const tailBytes = zlib.deflateRawSync(Buffer.from(tail));
  let crc = zlib.crc32(Buffer.from(head));
  for (let i = 0; i < megabytes; i++) crc = zlib.crc32(mb, crc);
  crc = zlib.crc32(Buffer.from(tail), crc);
  const size = Buffer.byteLength(head) + megabytes * mb.length + Buffer.byteLength(tail);
  const declared = declaredMegabytes === megabytes ? size : declaredMegabytes * (1 << 20);
  const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  return zipOf([
    { name: '[Content_Types].xml', ...deflated(types) },
    { name: 'word/document.xml', deflated: Buffer.concat([headBytes, ...Array<Buffer>(megabytes).fill(chunk), tailBytes]), crc, size: declared },
  ]);
}

/**
 * A PDF of `pages` pages that all draw one shared content stream of about `streamKilobytes` KB of
 * text operators (2,000 pages and 1 MB in the issue), deflated so the file stays small.
 */
export function sharedStreamPdf(pages = 2000, streamKilobytes = 1024): Uint8Array {
  const line = 'BT /F1 9 Tf 20 20 Td (Tel 0564-5022001) Tj ET\n';
  const content = zlib.deflateSync(Buffer.from(line.repeat(Math.ceil((streamKilobytes * 1024) / line.length))));
  const objects: Buffer[] = [];
  const firstPage = 5;
  const kids = Array.from({ length: pages }, (_, i) => `${firstPage + i} 0 R`).join(' ');
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objects.push(Buffer.from(`<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`));
  objects.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'));
  objects.push(Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from('\nendstream')]));
  for (let i = 0; i < pages; i++) {
    objects.push(Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>'));
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}
