import { useMemo, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { textScale } from '../../services/platform';
import { TEXT_SCALE_VARIABLE } from '../../services/textScale';

/**
 * A page's outermost view: the shared `.page` look, and the user's text size (WeChat's 字体大小,
 * the browser's default font size) as `--font-scale`, which every font size is multiplied by.
 */
export default function PageRoot({
  className,
  children,
}: {
  className: string;
  children: ReactNode;
}) {
  const scale = useMemo(() => textScale(), []);
  return (
    <View className={`page ${className}`} style={`${TEXT_SCALE_VARIABLE}: ${scale}`}>
      {children}
    </View>
  );
}
