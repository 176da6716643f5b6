import { Button, Text, View } from '@tarojs/components';
import type { OrganizationField } from '../../../domain/organizationContract';
import type { RowFieldErrors } from '../../../domain/organizationInput';
import type { OrganizationDraft } from '../../lib/organizationDrafts';
import OrganizationEditor from './OrganizationEditor';
import OrganizationSummary from './OrganizationSummary';
import Paragraph from '../../../components/Paragraph';

export interface OrganizationCardProps {
  draft: OrganizationDraft;
  /** 1-based, as the operator counts rows. */
  position: number;
  errors: RowFieldErrors;
  editing: boolean;
  /** With a link per enterprise the super admin may be left out (whoever opens it registers). */
  superAdminOptional: boolean;
  /** Sent once without an answer: held back until the operator has checked the ESS console. */
  held?: boolean;
  /** The operator confirms the enterprise was not registered: it may be submitted again. */
  onConfirmNotSubmitted?: () => void;
  onChange: (field: OrganizationField, value: string) => void;
  onBlur: (field: OrganizationField) => void;
  onEdit: () => void;
  onDone: () => void;
  onRemove: () => void;
}

/** Why a held row is not submitted, and how it can be again. */
export const HELD_MESSAGE =
  '没有收到腾讯电子签的答复，该企业可能已提交成功，本页不会再提交它。请到腾讯电子签控制台核对：已提交的，删除本行即可；确认未提交的，点下方按钮后可重新提交。';
export const CONFIRM_NOT_SUBMITTED = '我已在腾讯电子签控制台确认该企业未提交';

function HeldNotice({ position, onConfirm }: { position: number; onConfirm?: () => void }) {
  return (
    <View className="org-card__held">
      <Paragraph className="org-card__error" text={HELD_MESSAGE} />
      <Button
        className="btn btn--plain btn--statement"
        ariaLabel={`${CONFIRM_NOT_SUBMITTED}（第${position}家企业）`}
        onClick={onConfirm}
      >
        {CONFIRM_NOT_SUBMITTED}
      </Button>
    </View>
  );
}

/** One enterprise: a summary with its messages, or (while editing) its fields. */
export default function OrganizationCard(props: OrganizationCardProps) {
  const { draft, position, errors, editing, held = false } = props;
  const name = draft.values.organizationName.trim();
  const hasErrors = held || Object.keys(errors).length > 0;
  return (
    <View
      className={`card org-card${hasErrors ? ' org-card--error' : ''}${editing ? ' org-card--editing' : ''}`}
      ariaRole="group"
      ariaLabel={`第${position}家企业`}
    >
      <View className="org-card__header">
        <Text className="org-card__index">{position}</Text>
        <Paragraph className="org-card__name" text={name || '未填写企业名称'} />
        {held ? (
          <Text className="org-card__badge">待核对</Text>
        ) : (
          <Button
            className="org-card__action"
            ariaLabel={`${editing ? '收起' : '修改'}第${position}家企业`}
            onClick={editing ? props.onDone : props.onEdit}
          >
            {editing ? '收起' : '修改'}
          </Button>
        )}
        <Button
          className="org-card__action org-card__action--danger"
          ariaLabel={`删除第${position}家企业`}
          onClick={props.onRemove}
        >
          删除
        </Button>
      </View>
      {editing && !held ? (
        <OrganizationEditor {...props} />
      ) : (
        <OrganizationSummary
          draft={draft}
          errors={errors}
          superAdminOptional={props.superAdminOptional}
        />
      )}
      {held ? <HeldNotice position={position} onConfirm={props.onConfirmNotSubmitted} /> : null}
    </View>
  );
}
