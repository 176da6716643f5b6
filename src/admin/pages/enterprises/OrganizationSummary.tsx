import { Text, View } from '@tarojs/components';
import { maskIdCardNumber, maskMobile } from '../../../domain/mask';
import { normalizeMobile } from '../../../domain/mobile';
import type { AuthorizationType, OrganizationField } from '../../../domain/organizationContract';
import type { RowFieldErrors } from '../../../domain/organizationInput';
import { SUPER_ADMIN_ID_CARD_TYPE_LABELS } from '../../../domain/superAdminIdentity';
import {
  AUTHORIZATION_TYPE_LABELS,
  type DraftValues,
  type OrganizationDraft,
} from '../../lib/organizationDrafts';
import Paragraph from '../../../components/Paragraph';

/** One line of a collapsed row: a label, what was entered (sensitive parts masked), its fields. */
interface SummaryLine {
  label: string;
  fields: readonly OrganizationField[];
  value: (values: DraftValues) => string;
  /** Shown even when empty (with "未填写"). */
  always?: boolean;
  /** What empty means when the super admin is optional (each enterprise gets its own link). */
  emptyWhenOptional?: string;
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
    emptyWhenOptional: '未填写，由打开链接的人认证',
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

export interface SummaryProps {
  draft: OrganizationDraft;
  errors: RowFieldErrors;
  superAdminOptional: boolean;
}

/** A collapsed row: what was entered, each problem under the line it is about. */
export default function OrganizationSummary({ draft, errors, superAdminOptional }: SummaryProps) {
  const emptyText = (line: SummaryLine) =>
    (superAdminOptional && line.emptyWhenOptional) || '未填写';
  return (
    <View className="org-card__summary">
      {errors.row ? <Paragraph className="org-card__error" text={errors.row} /> : null}
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
              <Paragraph className="org-card__error" key={message} text={message} />
            ))}
          </View>
        );
      })}
    </View>
  );
}
