import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, deflated data, central directory, end record) for the
 * site's bundle downloads (issue 13 part 6): a browser saves a .zip as a file instead of handing each CSV to a
 * spreadsheet, which would run any formula-like cell and might re-save the CSV altered. The CSVs inside stay the
 * canonical bytes the verifiers hash.
 *
 * Deterministic: entries in the given order, every timestamp 1980-01-01 00:00 (the format's epoch), no extra
 * fields, so one bundle always gives one zip. UTF-8 names (flag bit 11). No ZIP64: a bundle is far below 4 GB.
 */
export function zipBytes(entries: readonly { name: string; data: Buffer | string }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const packed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4, crc, packed.length, data.length, name.length);
    parts.push(local, name, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // version made by: 2.0
    common(dir, 6, crc, packed.length, data.length, name.length);
    // comment length, disk number, internal and external attributes: 0
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

/** The fields local header and central directory share, from `at`: version needed … file name length. */
function common(b: Buffer, at: number, crc: number, packed: number, size: number, nameLength: number): void {
  b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  b.writeUInt16LE(0x0800, at + 2); // names are UTF-8
  b.writeUInt16LE(8, at + 4); // deflate
  b.writeUInt16LE(0, at + 6); // time 00:00:00
  b.writeUInt16LE((0 << 9) | (1 << 5) | 1, at + 8); // date 1980-01-01
  b.writeUInt32LE(crc, at + 10);
  b.writeUInt32LE(packed, at + 14);
  b.writeUInt32LE(size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
  // extra field length (at + 24): 0
}
