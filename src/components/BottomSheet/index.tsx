import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { roleProps } from '../a11y';
import './index.css';

export interface BottomSheetProps {
  /** Shown at the top; also the dialog's accessible name. */
  title: string;
  children: ReactNode;
  /** The buttons, side by side (they wrap at large text); give them `bottom-sheet__button`. */
  actions: ReactNode;
}

/**
 * A modal sheet over the page, from the bottom: the frame shared by the app's dialogs (privacy
 * authorization, confirmations). Render it only when open.
 */
export default function BottomSheet({ title, children, actions }: BottomSheetProps) {
  return (
    <View className="bottom-sheet" catchMove>
      <View
        className="bottom-sheet__panel"
        {...roleProps('dialog')}
        aria-modal="true"
        ariaLabel={title}
      >
        <Text className="bottom-sheet__title">{title}</Text>
        {children}
        <View className="bottom-sheet__actions">{actions}</View>
      </View>
    </View>
  );
}
