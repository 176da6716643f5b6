import { View } from '@tarojs/components';
import FormField from '../../../components/FormField';
import OptionGroup, { type Option } from '../../../components/OptionGroup';
import {
  AUTHORIZATION_TYPES,
  SUPER_ADMIN_ID_CARD_TYPES,
  type OrganizationField,
} from '../../../domain/organizationContract';
import type { RowFieldErrors } from '../../../domain/organizationInput';
import { SUPER_ADMIN_ID_CARD_TYPE_LABELS } from '../../../domain/superAdminIdentity';
import {
  AUTHORIZATION_TYPE_LABELS,
  COLUMN_LABELS,
  type OrganizationDraft,
} from '../../lib/organizationDrafts';
import Paragraph from '../../../components/Paragraph';

export interface EditorProps {
  draft: OrganizationDraft;
  errors: RowFieldErrors;
  /** With a link per enterprise the super admin may be left out (whoever opens it registers). */
  superAdminOptional: boolean;
  onChange: (field: OrganizationField, value: string) => void;
  onBlur: (field: OrganizationField) => void;
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

/** An open row: every field, with its message under it. */
export default function OrganizationEditor({
  draft,
  errors,
  superAdminOptional,
  onChange,
  onBlur,
}: EditorProps) {
  const id = (field: OrganizationField) => `${draft.key}-${field}`;
  return (
    <View className="org-card__editor">
      {errors.row ? <Paragraph className="org-card__error" text={errors.row} /> : null}
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
