#!/usr/bin/env node
/**
 * Writes the add-in's icons (assets/icon-N.png): a blue rounded square with a white rising-bars
 * mark, drawn pixel by pixel and encoded as PNG with zlib, so no image tool is needed.
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function icon(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.18;
  const bars = [0.35, 0.55, 0.8];
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const dx = Math.max(r - x, x - (size - 1 - r), 0);
      const dy = Math.max(r - y, y - (size - 1 - r), 0);
      const inside = dx * dx + dy * dy <= r * r;
      const u = x / size;
      const v = 1 - y / size;
      const bar = bars.findIndex((_, i) => u >= 0.2 + i * 0.22 && u < 0.2 + i * 0.22 + 0.16);
      const white = bar >= 0 && v >= 0.18 && v <= bars[bar];
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const [cr, cg, cb] = white ? [255, 255, 255] : [0x0f, 0x6c, 0xbd];
      raw[o] = cr;
      raw[o + 1] = cg;
      raw[o + 2] = cb;
      raw[o + 3] = inside ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.resolve(__dirname, "../assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
console.log("assets/icon-{16,32,64,80,128}.png written");
