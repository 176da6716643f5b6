import { Button, Checkbox, CheckboxGroup, Label, Text, View } from '@tarojs/components';
import type { RegistrationUrlRow } from '../../../domain/organizationContract';
import Paragraph from '../../../components/Paragraph';

export interface SubTaskPickerProps {
  rows: readonly RegistrationUrlRow[];
  selected: readonly string[];
  /** ESS's messages about a sub-task, by SubTaskId (from the last generated link). */
  messages: Readonly<Record<string, string[]>>;
  /** Sub-tasks submitted without a super admin: no single link can include them. */
  withoutSuperAdmin: readonly string[];
  onToggle: (subTaskId: string, checked: boolean) => void;
  onSelectAll: () => void;
  onSelectNone: () => void;
}

const NO_SUPER_ADMIN = '提交时未填写超管，不能放进批量认证链接：请把它自己的认证链接发给对方';

/** The ready enterprises of the last submission, to include in the link. */
export default function SubTaskPicker(props: SubTaskPickerProps) {
  const { rows, selected, messages, withoutSuperAdmin } = props;
  return (
    <View className="card subtask-picker">
      <View className="org-card__header">
        <Paragraph
          className="org-card__name"
          text={`已选 ${selected.length}/${rows.length} 家企业`}
        />
        <Button className="org-card__action" onClick={props.onSelectAll}>
          全选
        </Button>
        <Button className="org-card__action" onClick={props.onSelectNone}>
          全不选
        </Button>
      </View>
      {rows.map((row) => (
        // One group per sub-task: its value says plainly whether this one is checked.
        <CheckboxGroup
          key={row.subTaskId}
          className="subtask"
          onChange={(e) => props.onToggle(row.subTaskId, e.detail.value.includes(row.subTaskId))}
        >
          <Label className="subtask__label">
            <Checkbox
              className="subtask__checkbox"
              value={row.subTaskId}
              checked={selected.includes(row.subTaskId)}
              color="#1f6feb"
              ariaLabel={row.organizationName}
            />
            <View className="subtask__text">
              <Text className="subtask__name">{row.organizationName}</Text>
              <Text className="subtask__id">{`子任务ID：${row.subTaskId}`}</Text>
              {withoutSuperAdmin.includes(row.subTaskId) ? (
                <Paragraph className="subtask__message" text={NO_SUPER_ADMIN} />
              ) : null}
              {(messages[row.subTaskId] ?? []).map((message) => (
                <Paragraph className="subtask__message" key={message} text={message} />
              ))}
            </View>
          </Label>
        </CheckboxGroup>
      ))}
    </View>
  );
}
