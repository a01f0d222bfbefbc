import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LakeError } from '../common/errors.js';
import { LocalFileIO } from './local-file-io.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const str = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('LocalFileIO', () => {
  const io = new LocalFileIO();
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakegate-fileio-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes atomically, replacing the old content and leaving no temp files', async () => {
    const p = join(dir, 'atomic', 'sub', 'a.json');
    await io.writeAtomic(p, text('one'));
    await io.writeAtomic(p, text('two'));
    assert.equal(str(await io.read(p)), 'two');
    assert.deepEqual(await readdir(join(dir, 'atomic', 'sub')), ['a.json']);
    const info = await io.stat(p);
    assert.equal(info?.size, 3);
    assert.ok((info?.modifiedMs ?? 0) > 0);
  });

  it('put-if-absent creates once, then fails with a conflict and keeps the first content', async () => {
    const p = join(dir, 'pia', '00001.json');
    await io.writeIfAbsent(p, text('first'));
    await assert.rejects(io.writeIfAbsent(p, text('second')), (err: unknown) => {
      assert.ok(err instanceof LakeError);
      assert.equal(err.kind, 'conflict');
      assert.equal(err.sqlstate, '40001');
      assert.match(err.message, /could not create file ".*00001\.json": File exists/);
      return true;
    });
    assert.equal(str(await io.read(p)), 'first');
    assert.deepEqual(await readdir(join(dir, 'pia')), ['00001.json']);
  });

  it('lets exactly one of many concurrent put-if-absent writers win', async () => {
    const p = join(dir, 'race.json');
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => io.writeIfAbsent(p, text(`w${i}`))),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    assert.equal(str(await io.read(p)), `w${winner}`);
  });

  it('lists files only, recursively on request, sorted; an absent directory is empty', async () => {
    const root = join(dir, 'list');
    await io.writeAtomic(join(root, 'b.txt'), text('b'));
    await io.writeAtomic(join(root, 'a.txt'), text('aa'));
    await io.writeAtomic(join(root, 'x=1', 'c.txt'), text('ccc'));
    const flat = await io.list(root);
    assert.deepEqual(
      flat.map((f) => [f.path, f.size]),
      [
        [join(root, 'a.txt'), 2],
        [join(root, 'b.txt'), 1],
      ],
    );
    const deep = await io.list(pathToFileURL(root).href, { recursive: true });
    assert.deepEqual(
      deep.map((f) => f.path),
      [join(root, 'a.txt'), join(root, 'b.txt'), join(root, 'x=1', 'c.txt')],
    );
    assert.deepEqual(await io.list(join(dir, 'nope')), []);
  });

  it('reads byte ranges, short at the end of the file', async () => {
    const p = join(dir, 'range.bin');
    await writeFile(p, text('0123456789'));
    assert.equal(str(await io.readRange(p, 2, 5)), '234');
    assert.equal(str(await io.readRange(p, 8, 20)), '89');
    assert.equal((await io.readRange(p, 3, 3)).length, 0);
  });

  it('reports missing files as null from stat and as 58030 from read', async () => {
    const p = join(dir, 'missing.bin');
    assert.equal(await io.stat(p), null);
    await assert.rejects(io.read(p), (err: unknown) => {
      assert.ok(err instanceof LakeError);
      assert.equal(err.sqlstate, '58030');
      assert.equal(err.message, `could not read file "${p}": No such file or directory`);
      return true;
    });
    await assert.rejects(io.readRange(p, 0, 1), { sqlstate: '58030' });
  });

  it('deletes files, and deleting an absent file is not an error', async () => {
    const p = join(dir, 'del.txt');
    await io.writeAtomic(p, text('x'));
    await io.delete(p);
    assert.equal(await io.stat(p), null);
    await io.delete(p);
  });
});
