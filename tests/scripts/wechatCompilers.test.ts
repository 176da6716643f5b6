/**
 * The checking functions of `npm run check:weapp`, on WeChat's real compilers (wcc / wcsc from
 * miniprogram-compiler): a file WeChat would reject must fail the check, with the compiler's own
 * message naming the file and position — the failure path, asserted. (The whole build is checked
 * by `npm run check:weapp`, part of `npm test`.)
 */
import path from 'path';
import { compileWxml, compileWxss, listFiles } from '../../scripts/weappChecks';

const FIXTURES = path.join(__dirname, 'fixtures', 'wechat-compilers');

describe('wcsc (WXSS)', () => {
  it('compiles plain selectors', () => {
    expect(compileWxss(FIXTURES, ['good.wxss'])).toEqual({
      compiler: 'wcsc',
      files: ['good.wxss'],
    });
  });

  it.each([
    ['child-not.wxss', ':'],
    ['child-star.wxss', '*'],
  ])(
    'rejects a child combinator before a bare selector (%s), naming file and token',
    (file, token) => {
      const report = compileWxss(FIXTURES, [file]);
      expect(report.error).toBeDefined();
      expect(report.error).toContain(`${file}(`);
      expect(report.error).toContain(`error at token \`${token}\``);
    },
  );

  it('fails the whole set when one file is bad', () => {
    const report = compileWxss(FIXTURES, ['good.wxss', 'child-not.wxss']);
    expect(report.error).toMatch(/child-not\.wxss\(\d+:\d+\): error at token `:`/);
  });
});

describe('wcc (WXML)', () => {
  it('compiles valid markup', () => {
    expect(compileWxml(FIXTURES, ['good.wxml'], [])).toEqual({
      compiler: 'wcc',
      files: ['good.wxml'],
    });
  });

  it('rejects markup WeChat cannot render, naming file and position', () => {
    const report = compileWxml(FIXTURES, ['orphan-else.wxml'], []);
    expect(report.error).toMatch(/orphan-else\.wxml:3:\d+: Bad attr `wx:else`/);
  });
});

describe('listFiles', () => {
  it('finds the files to compile, sorted, by extension', () => {
    expect(listFiles(FIXTURES, '.wxss')).toEqual([
      'child-not.wxss',
      'child-star.wxss',
      'good.wxss',
    ]);
    expect(listFiles(FIXTURES, '.wxml')).toEqual(['good.wxml', 'orphan-else.wxml']);
  });
});
