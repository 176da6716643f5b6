import { render } from '@testing-library/react';
import Paragraph from '../../src/components/Paragraph';
import { unbrokenEnd } from '../../src/components/Paragraph/unbrokenEnd';

describe('Paragraph: no line holds only a character and its full stop', () => {
  it('keeps a short last phrase on one line', () => {
    expect(unbrokenEnd('你已通过腾讯电子签完成实名认证，无需再次提交。')).toEqual({
      head: '你已通过腾讯电子签完成实名认证，',
      tail: '无需再次提交。',
    });
    expect(unbrokenEnd('结果同步可能需要几秒钟；如果还没完成，请点击继续。').tail).toBe(
      '请点击继续。',
    );
    // Too long to keep whole without leaving a short line before it: the last characters only.
    expect(unbrokenEnd('如果还没完成，请点击“继续完成实名”。').tail).toBe('完成实名”。');
  });

  it('keeps at least the last three characters — whole words — with the closing punctuation', () => {
    // Not "其隐" / "私政策。": the segmenter keeps the word.
    expect(unbrokenEnd('腾讯电子签对信息的处理适用其隐私政策。').tail).toBe('隐私政策。');
    expect(unbrokenEnd('你的身份已通过腾讯电子签核验。')).toEqual({
      head: '你的身份已通过腾讯电子',
      tail: '签核验。',
    });
    // The last phrase is too long to keep whole on a narrow screen at large text.
    expect(unbrokenEnd('好，这是一句非常非常长而且没有任何停顿的最后一个短语。').tail).toBe(
      '一个短语。',
    );
  });

  it('leaves short text alone', () => {
    expect(unbrokenEnd('好的。')).toEqual({ head: '好的。', tail: '' });
  });

  it('renders the tail as a nowrap span inside the paragraph', () => {
    const { container } = render(
      <Paragraph className="hint" text="请返回重新提交，获取新的链接。" />,
    );
    const paragraph = container.firstElementChild!;
    expect(paragraph).toHaveClass('hint');
    expect(paragraph).toHaveTextContent('请返回重新提交，获取新的链接。');
    expect(paragraph.querySelector('.nowrap')).toHaveTextContent('获取新的链接。');
  });
});
