import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { unzippedSize } from './zip-guard.js';

/** A one-entry zip whose headers may lie about the inflated size. */
function zip(content: Buffer, declaredSize = content.length): Buffer {
  const data = deflateRawSync(content);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = 30 + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

describe('zip guard', () => {
  it('measures what the entries really inflate to', () => {
    expect(unzippedSize(zip(Buffer.from('hello world')), 1000)).toBe(11);
  });
  it('stops a bomb that declares a tiny size at the cap', () => {
    const bomb = zip(Buffer.alloc(20 * 1024 * 1024), 100);
    expect(bomb.length).toBeLessThan(100_000);
    expect(unzippedSize(bomb, 1024 * 1024)).toBe(Infinity);
  });
  it('refuses what is not a zip', () => {
    expect(unzippedSize(Buffer.from('not a zip at all, just text'), 1000)).toBeNull();
  });
});
