import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import BottomSheet from '../BottomSheet';
import { roleProps } from '../a11y';
import Paragraph from '../Paragraph';
import './index.css';

export interface ConfirmDialogProps {
  title: string;
  /** What will happen, in short paragraphs. */
  children: ReactNode;
  confirmText: string;
  /** Shown on the confirm button while the action runs. */
  busyText: string;
  cancelText?: string;
  busy?: boolean;
  /** The action failed: said inside the dialog, which stays open for another try. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A bottom sheet asking to confirm an action that cannot be undone. Render it only when open. */
export default function ConfirmDialog({
  title,
  children,
  confirmText,
  busyText,
  cancelText = '取消',
  busy = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <BottomSheet
      title={title}
      actions={
        <>
          <Button
            className="bottom-sheet__button bottom-sheet__button--secondary"
            {...(busy ? { disabled: true } : {})}
            onClick={onCancel}
          >
            <Text>{cancelText}</Text>
          </Button>
          <Button
            className="bottom-sheet__button bottom-sheet__button--danger"
            {...(busy ? { disabled: true } : {})}
            onClick={onConfirm}
          >
            <Text>{busy ? busyText : confirmText}</Text>
          </Button>
        </>
      }
    >
      <View className="confirm-dialog__body">{children}</View>
      {error ? (
        <View className="notice" {...roleProps('alert')}>
          <Paragraph text={error} />
        </View>
      ) : null}
    </BottomSheet>
  );
}
