import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
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
    <View className="confirm-dialog" catchMove>
      <View
        className="confirm-dialog__panel"
        {...roleProps('dialog')}
        aria-modal="true"
        ariaLabel={title}
      >
        <Text className="confirm-dialog__title">{title}</Text>
        <View className="confirm-dialog__body">{children}</View>
        {error ? (
          <View className="notice" {...roleProps('alert')}>
            <Paragraph text={error} />
          </View>
        ) : null}
        <View className="confirm-dialog__actions">
          <Button
            className="confirm-dialog__button confirm-dialog__button--cancel"
            {...(busy ? { disabled: true } : {})}
            onClick={onCancel}
          >
            <Text>{cancelText}</Text>
          </Button>
          <Button
            className="confirm-dialog__button confirm-dialog__button--confirm"
            {...(busy ? { disabled: true } : {})}
            onClick={onConfirm}
          >
            <Text>{busy ? busyText : confirmText}</Text>
          </Button>
        </View>
      </View>
    </View>
  );
}
