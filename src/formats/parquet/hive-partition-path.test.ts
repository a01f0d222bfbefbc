import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHiddenSegment, partitionValuesOf, unescapePathName } from './hive-partition-path.js';

describe('Hive partition paths', () => {
  it('reads key=value directories, unescaping %XX and mapping the default partition to NULL', () => {
    assert.deepEqual(
      partitionValuesOf(['year=2024', 'region=eu%2Fwest', 'day=__HIVE_DEFAULT_PARTITION__']),
      {
        year: '2024',
        region: 'eu/west',
        day: null,
      },
    );
  });

  it('ignores directories that are not key=value, and keeps empty values', () => {
    assert.deepEqual(partitionValuesOf(['data', '=x', 'k=']), { k: '' });
  });

  it('keeps malformed escapes as text', () => {
    assert.equal(unescapePathName('a%2'), 'a%2');
    assert.equal(unescapePathName('100%25'), '100%');
  });

  it('hides dot and underscore names, except underscore partition directories', () => {
    assert.equal(isHiddenSegment('_SUCCESS'), true);
    assert.equal(isHiddenSegment('_delta_log'), true);
    assert.equal(isHiddenSegment('.hoodie'), true);
    assert.equal(isHiddenSegment('.part-0.parquet.crc'), true);
    assert.equal(isHiddenSegment('_col=1'), false);
    assert.equal(isHiddenSegment('part-0.parquet'), false);
  });
});
