import { Button, Text, View } from '@tarojs/components';
import type { HeldIdentity } from '../../lib/heldPolicy';
import { CONFIRM_NOT_SUBMITTED } from './OrganizationCard';
import Paragraph from '../../../components/Paragraph';

export interface HeldEnterpriseListProps {
  /** Held enterprises remembered on the device whose rows are no longer on the page. */
  enterprises: readonly HeldIdentity[];
  /** Checked in the ESS console: not registered (the admin pastes it again to submit it). */
  onConfirm: (code: string) => void;
  /** Found registered in the console: nothing more to check. */
  onRemove: (code: string) => void;
}

/**
 * The held enterprises remembered from an earlier visit (only their name and credit code are
 * kept): to check in the ESS console. Pasting their rows again holds those rows in their place.
 */
export default function HeldEnterpriseList({
  enterprises,
  onConfirm,
  onRemove,
}: HeldEnterpriseListProps) {
  if (enterprises.length === 0) return null;
  return (
    <View className="held-list">
      <Paragraph
        className="hint"
        text={
          '以下企业是之前提交时没有收到答复的（本机只保存了企业名称和统一社会信用代码）。重新粘贴它们时仍会标为待核对；确认未提交后请重新粘贴再提交。'
        }
      />
      {enterprises.map(({ organizationName, uniformSocialCreditCode }) => (
        <View
          key={uniformSocialCreditCode}
          className="held-list__item"
          ariaRole="group"
          ariaLabel={`待核对：${organizationName}`}
        >
          <View className="org-card__header">
            <Paragraph className="org-card__name" text={organizationName} />
            <Text className="org-card__badge">待核对</Text>
            <Button
              className="org-card__action org-card__action--danger"
              ariaLabel={`已在控制台查到${organizationName}已提交，不再提醒`}
              onClick={() => onRemove(uniformSocialCreditCode)}
            >
              已提交
            </Button>
          </View>
          <View className="info-row">
            <Text className="info-row__label">统一社会信用代码</Text>
            <Text className="info-row__value">{uniformSocialCreditCode}</Text>
          </View>
          <Button
            className="btn btn--plain btn--statement"
            ariaLabel={`${CONFIRM_NOT_SUBMITTED}（${organizationName}）`}
            onClick={() => onConfirm(uniformSocialCreditCode)}
          >
            {CONFIRM_NOT_SUBMITTED}
          </Button>
        </View>
      ))}
    </View>
  );
}
