import { Button, Text, View } from '@tarojs/components';
import FormField from '../../../components/FormField';
import OptionGroup, { type Option } from '../../../components/OptionGroup';
import { ADMIN_ID_CARD_TYPE_LABELS } from '../../../domain/adminIdentity';
import {
  ADMIN_ID_CARD_TYPES,
  AUTHORIZATION_TYPES,
  type OrganizationField,
} from '../../../domain/organizationContract';
import type { RowFieldErrors } from '../../../domain/organizationInput';
import {
  AUTHORIZATION_TYPE_LABELS,
  COLUMN_LABELS,
  ORGANIZATION_COLUMNS,
  type OrganizationDraft,
} from '../../lib/organizationDrafts';

export interface OrganizationCardProps {
  draft: OrganizationDraft;
  /** 1-based, as the admin counts rows. */
  position: number;
  errors: RowFieldErrors;
  editing: boolean;
  /** Sent once without an answer: held back until the admin has checked the ESS console. */
  held?: boolean;
  /** The admin confirms the enterprise was not registered: it may be submitted again. */
  onConfirmNotSubmitted?: () => void;
  onChange: (field: OrganizationField, value: string) => void;
  onBlur: (field: OrganizationField) => void;
  onEdit: () => void;
  onDone: () => void;
  onRemove: () => void;
}

interface TextFieldSpec {
  field: OrganizationField;
  placeholder: string;
  type?: 'text' | 'number' | 'idcard';
  maxlength?: number;
}

const TEXT_FIELDS: readonly TextFieldSpec[] = [
  { field: 'organizationName', placeholder: '营业执照上的企业全称', maxlength: 200 },
  { field: 'uniformSocialCreditCode', placeholder: '18位统一社会信用代码', maxlength: 24 },
  { field: 'legalName', placeholder: '法定代表人姓名', maxlength: 50 },
  { field: 'address', placeholder: '选填', maxlength: 200 },
  { field: 'adminName', placeholder: '超级管理员姓名', maxlength: 50 },
  { field: 'adminMobile', placeholder: '超级管理员手机号', type: 'number', maxlength: 20 },
];

const ID_TYPE_OPTIONS: ReadonlyArray<Option<string>> = ADMIN_ID_CARD_TYPES.map((type) => ({
  value: type,
  label: ADMIN_ID_CARD_TYPE_LABELS[type],
}));

const AUTHORIZATION_OPTIONS: ReadonlyArray<Option<string>> = [
  { value: '', label: '不指定', description: '由超管在认证时选择' },
  ...AUTHORIZATION_TYPES.map((type) => ({
    value: String(type),
    label: AUTHORIZATION_TYPE_LABELS[type],
  })),
];

/** The messages of a collapsed row: the whole-row one first, then by column. */
function errorLines(errors: RowFieldErrors): string[] {
  const lines = errors.row ? [errors.row] : [];
  for (const { field } of ORGANIZATION_COLUMNS) {
    if (errors[field]) lines.push(`${COLUMN_LABELS[field]}：${errors[field]}`);
  }
  return lines;
}

function Summary({ draft, errors }: { draft: OrganizationDraft; errors: RowFieldErrors }) {
  const { values } = draft;
  const admin = [values.adminName, values.adminMobile].filter(Boolean).join('  ');
  return (
    <View className="org-card__summary">
      {values.uniformSocialCreditCode ? (
        <View className="info-row">
          <Text className="info-row__label">统一社会信用代码</Text>
          <Text className="info-row__value">{values.uniformSocialCreditCode}</Text>
        </View>
      ) : null}
      {values.legalName ? (
        <View className="info-row">
          <Text className="info-row__label">法定代表人</Text>
          <Text className="info-row__value">{values.legalName}</Text>
        </View>
      ) : null}
      {admin ? (
        <View className="info-row">
          <Text className="info-row__label">超管</Text>
          <Text className="info-row__value">{admin}</Text>
        </View>
      ) : null}
      {errorLines(errors).map((line) => (
        <Text className="org-card__error" key={line}>
          {line}
        </Text>
      ))}
    </View>
  );
}

function Editor({ draft, errors, onChange, onBlur }: OrganizationCardProps) {
  const id = (field: OrganizationField) => `${draft.key}-${field}`;
  return (
    <View className="org-card__editor">
      {errors.row ? <Text className="org-card__error">{errors.row}</Text> : null}
      {TEXT_FIELDS.map(({ field, placeholder, type, maxlength }) => (
        <FormField
          key={field}
          id={id(field)}
          label={COLUMN_LABELS[field]}
          placeholder={placeholder}
          type={type}
          maxlength={maxlength}
          value={draft.values[field]}
          error={errors[field]}
          onInput={(value) => onChange(field, value)}
          onBlur={() => onBlur(field)}
        />
      ))}
      <OptionGroup
        name={id('adminIdCardType')}
        title="超管证件类型"
        layout="list"
        options={ID_TYPE_OPTIONS}
        value={draft.values.adminIdCardType || 'ID_CARD'}
        error={errors.adminIdCardType}
        onChange={(value) => onChange('adminIdCardType', value)}
      />
      <FormField
        id={id('adminIdCardNumber')}
        label={COLUMN_LABELS.adminIdCardNumber}
        placeholder="选填，与证件类型对应"
        type="idcard"
        maxlength={24}
        value={draft.values.adminIdCardNumber}
        error={errors.adminIdCardNumber}
        onInput={(value) => onChange('adminIdCardNumber', value)}
        onBlur={() => onBlur('adminIdCardNumber')}
      />
      <OptionGroup
        name={id('authorizationTypes')}
        title="认证方式"
        layout="list"
        options={AUTHORIZATION_OPTIONS}
        value={draft.values.authorizationTypes}
        error={errors.authorizationTypes}
        onChange={(value) => onChange('authorizationTypes', value)}
      />
    </View>
  );
}

/** Why a held row is not submitted, and how it can be again. */
export const HELD_MESSAGE =
  '没有收到腾讯电子签的答复，该企业可能已提交成功，本页不会再提交它。请到腾讯电子签控制台核对：已提交的，删除本行即可；确认未提交的，点下方按钮后可重新提交。';
export const CONFIRM_NOT_SUBMITTED = '我已在腾讯电子签控制台确认该企业未提交';

function HeldNotice({ position, onConfirm }: { position: number; onConfirm?: () => void }) {
  return (
    <View className="org-card__held">
      <Text className="org-card__error">{HELD_MESSAGE}</Text>
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
        <Text className="org-card__name">{name || '未填写企业名称'}</Text>
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
      {editing && !held ? <Editor {...props} /> : <Summary draft={draft} errors={errors} />}
      {held ? <HeldNotice position={position} onConfirm={props.onConfirmNotSubmitted} /> : null}
    </View>
  );
}
