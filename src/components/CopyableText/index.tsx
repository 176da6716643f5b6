import { useEffect, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { COPY_FAILED_MESSAGE } from '../../services/media';
import { copyText } from '../../services/platform';
import './index.css';
import Paragraph from '../Paragraph';

export interface CopyableTextProps {
  /** Shown and copied exactly as given (never re-encoded). */
  text: string;
  /** Names the button for screen readers, e.g. "复制认证链接". */
  copyLabel?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';
const COPIED_FEEDBACK_MS = 2000;

/** A selectable text (a link, an id) with a button that copies it unchanged. */
export default function CopyableText({ text, copyLabel = '复制' }: CopyableTextProps) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onCopy = async () => {
    const copied = await copyText(text);
    setState(copied ? 'copied' : 'failed');
    clearTimeout(timer.current);
    if (copied) timer.current = setTimeout(() => setState('idle'), COPIED_FEEDBACK_MS);
  };

  return (
    <View className="copyable">
      <View className="copyable__row">
        <Text className="copyable__text" userSelect>
          {text}
        </Text>
        <Button className="copyable__button" ariaLabel={copyLabel} onClick={() => void onCopy()}>
          {state === 'copied' ? '已复制' : '复制'}
        </Button>
      </View>
      {state === 'failed' ? (
        <Paragraph className="copyable__error" text={COPY_FAILED_MESSAGE} />
      ) : null}
    </View>
  );
}
