import { Button, Text, View } from '@tarojs/components';
import FormField from '../../../components/FormField';
import OptionGroup, { type Option } from '../../../components/OptionGroup';
import { maskIdCardNumber, maskMobile } from '../../../domain/mask';
import { normalizeMobile } from '../../../domain/mobile';
import {
  AUTHORIZATION_TYPES,
  SUPER_ADMIN_ID_CARD_TYPES,
  type AuthorizationType,
  type OrganizationField,
} from '../../../domain/organizationContract';
import type { RowFieldErrors } from '../../../domain/organizationInput';
import { SUPER_ADMIN_ID_CARD_TYPE_LABELS } from '../../../domain/superAdminIdentity';
import {
  AUTHORIZATION_TYPE_LABELS,
  COLUMN_LABELS,
  type DraftValues,
  type OrganizationDraft,
} from '../../lib/organizationDrafts';

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

interface TextFieldSpec {
  field: OrganizationField;
  placeholder: string;
  /** The placeholder when the field may be left empty in the chosen link mode. */
  optionalPlaceholder?: string;
  type?: 'text' | 'number' | 'idcard';
  maxlength?: number;
}

const TEXT_FIELDS: readonly TextFieldSpec[] = [
  { field: 'organizationName', placeholder: '营业执照上的企业全称', maxlength: 200 },
  { field: 'uniformSocialCreditCode', placeholder: '18位，营业执照上的代码', maxlength: 24 },
  { field: 'legalName', placeholder: '法定代表人的姓名', maxlength: 50 },
  { field: 'address', placeholder: '选填', maxlength: 200 },
  {
    field: 'superAdminName',
    placeholder: '超管本人的姓名',
    optionalPlaceholder: '选填，不填则由打开链接的人认证',
    maxlength: 50,
  },
  {
    field: 'superAdminMobile',
    placeholder: '超管本人的手机号',
    optionalPlaceholder: '选填，与超管姓名一同填写',
    type: 'number',
    maxlength: 20,
  },
];

const ID_TYPE_OPTIONS: ReadonlyArray<Option<string>> = SUPER_ADMIN_ID_CARD_TYPES.map((type) => ({
  value: type,
  label: SUPER_ADMIN_ID_CARD_TYPE_LABELS[type],
}));

const AUTHORIZATION_OPTIONS: ReadonlyArray<Option<string>> = [
  { value: '', label: '不指定', description: '由超管在认证时选择' },
  ...AUTHORIZATION_TYPES.map((type) => ({
    value: String(type),
    label: AUTHORIZATION_TYPE_LABELS[type],
  })),
];

/** One line of a collapsed row: a label, what was entered (sensitive parts masked), its fields. */
interface SummaryLine {
  label: string;
  fields: readonly OrganizationField[];
  value: (values: DraftValues) => string;
  /** Shown even when empty (with "未填写"). */
  always?: boolean;
}

const typeLabel = (type: string) =>
  SUPER_ADMIN_ID_CARD_TYPE_LABELS[type as keyof typeof SUPER_ADMIN_ID_CARD_TYPE_LABELS] ?? type;

const SUMMARY_LINES: readonly SummaryLine[] = [
  {
    label: '统一社会信用代码',
    fields: ['uniformSocialCreditCode'],
    value: (v) => v.uniformSocialCreditCode.trim(),
    always: true,
  },
  { label: '法定代表人', fields: ['legalName'], value: (v) => v.legalName.trim(), always: true },
  { label: '注册地址', fields: ['address'], value: (v) => v.address.trim() },
  {
    label: '超管',
    fields: ['superAdminName', 'superAdminMobile'],
    value: (v) =>
      [
        v.superAdminName.trim(),
        v.superAdminMobile.trim() && maskMobile(normalizeMobile(v.superAdminMobile)),
      ]
        .filter(Boolean)
        .join('  '),
    always: true,
  },
  {
    label: '超管证件',
    fields: ['superAdminIdCardType', 'superAdminIdCardNumber'],
    value: (v) =>
      v.superAdminIdCardNumber.trim()
        ? `${typeLabel(v.superAdminIdCardType || 'ID_CARD')} ${maskIdCardNumber(v.superAdminIdCardNumber.trim())}`
        : '',
  },
  {
    label: '认证方式',
    fields: ['authorizationTypes'],
    value: (v) =>
      AUTHORIZATION_TYPE_LABELS[Number(v.authorizationTypes) as AuthorizationType] ??
      v.authorizationTypes.trim(),
  },
];

interface SummaryProps {
  draft: OrganizationDraft;
  errors: RowFieldErrors;
  superAdminOptional: boolean;
}

/** A collapsed row: what was entered, each problem under the line it is about. */
function Summary({ draft, errors, superAdminOptional }: SummaryProps) {
  const emptyText = (line: SummaryLine) =>
    line.label === '超管' && superAdminOptional ? '未填写，由打开链接的人认证' : '未填写';
  return (
    <View className="org-card__summary">
      {errors.row ? <Text className="org-card__error">{errors.row}</Text> : null}
      {SUMMARY_LINES.map((line) => {
        const value = line.value(draft.values);
        const messages = line.fields.flatMap((field) => (errors[field] ? [errors[field]] : []));
        if (!value && !line.always && messages.length === 0) return null;
        return (
          <View className="org-card__line" key={line.label}>
            <View className="info-row">
              <Text className="info-row__label">{line.label}</Text>
              <Text className={value ? 'info-row__value' : 'info-row__value org-card__empty'}>
                {value || emptyText(line)}
              </Text>
            </View>
            {messages.map((message) => (
              <Text className="org-card__error" key={message}>
                {message}
              </Text>
            ))}
          </View>
        );
      })}
    </View>
  );
}

function Editor({ draft, errors, superAdminOptional, onChange, onBlur }: OrganizationCardProps) {
  const id = (field: OrganizationField) => `${draft.key}-${field}`;
  return (
    <View className="org-card__editor">
      {errors.row ? <Text className="org-card__error">{errors.row}</Text> : null}
      {TEXT_FIELDS.map(({ field, placeholder, optionalPlaceholder, type, maxlength }) => (
        <FormField
          key={field}
          id={id(field)}
          label={COLUMN_LABELS[field]}
          placeholder={(superAdminOptional && optionalPlaceholder) || placeholder}
          type={type}
          maxlength={maxlength}
          value={draft.values[field]}
          error={errors[field]}
          onInput={(value) => onChange(field, value)}
          onBlur={() => onBlur(field)}
        />
      ))}
      <OptionGroup
        name={id('superAdminIdCardType')}
        title="超管证件类型"
        layout="list"
        options={ID_TYPE_OPTIONS}
        value={draft.values.superAdminIdCardType || 'ID_CARD'}
        error={errors.superAdminIdCardType}
        onChange={(value) => onChange('superAdminIdCardType', value)}
      />
      <FormField
        id={id('superAdminIdCardNumber')}
        label={COLUMN_LABELS.superAdminIdCardNumber}
        placeholder="选填，与证件类型对应"
        type="idcard"
        maxlength={24}
        value={draft.values.superAdminIdCardNumber}
        error={errors.superAdminIdCardNumber}
        onInput={(value) => onChange('superAdminIdCardNumber', value)}
        onBlur={() => onBlur('superAdminIdCardNumber')}
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
      {editing && !held ? (
        <Editor {...props} />
      ) : (
        <Summary draft={draft} errors={errors} superAdminOptional={props.superAdminOptional} />
      )}
      {held ? <HeldNotice position={position} onConfirm={props.onConfirmNotSubmitted} /> : null}
    </View>
  );
}
