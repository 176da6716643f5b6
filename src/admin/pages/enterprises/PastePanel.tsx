import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { ORGANIZATION_COLUMNS } from '../../lib/organizationDrafts';
import Paragraph from '../../../components/Paragraph';

export interface PastePanelProps {
  /** Adds the rows of the pasted table; returns how many were found. */
  onPaste: (text: string) => number;
  /** What the last paste did, while it still describes the list (the page clears it). */
  message: string | null;
}

const COLUMN_LIST = ORGANIZATION_COLUMNS.map((column) => {
  if (column.optional === 'always') return `${column.label}（可选）`;
  if (column.optional === 'perEnterpriseLink') return `${column.label}（合并链接时必填）`;
  return column.label;
}).join('、');

/** Rows copied from a spreadsheet, pasted as tab-separated text. */
export default function PastePanel({ onPaste, message }: PastePanelProps) {
  const [text, setText] = useState('');

  const onRecognize = () => {
    if (onPaste(text) > 0) setText('');
  };

  return (
    <View className="card paste-panel">
      <Text className="card__title">从表格粘贴</Text>
      <Paragraph
        className="paste-panel__hint"
        text={`在 Excel 或 WPS中选中企业所在的行（可以连同表头），复制后粘贴到下面。没有表头时按以下顺序读取：${COLUMN_LIST}。`}
      />
      <Textarea
        className="paste-panel__input"
        ariaLabel="粘贴表格内容"
        value={text}
        placeholder="在这里粘贴从表格复制的内容"
        placeholderClass="form-field__placeholder"
        maxlength={-1}
        onInput={(e) => setText(e.detail.value)}
      />
      {message ? <Paragraph className="paste-panel__message" text={message} /> : null}
      <Button
        className="btn btn--secondary"
        {...(text.trim() ? {} : { disabled: true })}
        onClick={onRecognize}
      >
        识别并添加
      </Button>
    </View>
  );
}
