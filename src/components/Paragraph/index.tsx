import { Text } from '@tarojs/components';
import { unbrokenEnd } from './unbrokenEnd';

export interface ParagraphProps {
  className?: string;
  text: string;
}

/**
 * A paragraph of Chinese text whose last short phrase never breaks across lines, so the last line
 * is never a lone character and its full stop ("…无需再次提\n交。"). Works on both platforms (a
 * nowrap span), unlike `text-wrap: pretty`, which WeChat's renderer does not know.
 */
export default function Paragraph({ className, text }: ParagraphProps) {
  const { head, tail } = unbrokenEnd(text);
  return (
    <Text className={className}>
      {head}
      {tail ? <Text className="nowrap">{tail}</Text> : null}
    </Text>
  );
}
