import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePrivacyAuthorization } from '../../../components/PrivacyPopup/usePrivacyAuthorization';
import type { RegistrationEndpoint } from '../../../domain/organizationContract';
import AdminPage from '../../components/AdminPage';
import { useAdminAccess } from '../../hooks/useAdminAccess';
import { useHeldEnterprises } from '../../hooks/useHeldEnterprises';
import { useRegistrationStatus } from '../../hooks/useRegistrationStatus';
import { goToAuthorization } from '../../routes';
import HeldEnterpriseList from './HeldEnterpriseList';
import OrganizationCard from './OrganizationCard';
import PastePanel from './PastePanel';
import RegistrationOptions, {
  DEFAULT_REGISTRATION_ENDPOINT,
  type BatchAuthMethod,
} from './RegistrationOptions';
import RegistrationStatusCard from './RegistrationStatusCard';
import { useOrganizationDrafts } from './useOrganizationDrafts';
import { useRegistrationSubmit } from './useRegistrationSubmit';
// Last: the admin look builds on the components' styles.
import '../../admin.css';

const CONFIRM_ALL_NOT_SUBMITTED = '我已在腾讯电子签控制台确认这些企业未提交';
const pasteAgainNotice = (count: number) =>
  `已确认 ${count} 家企业未提交。本机没有保存它们的完整信息，请重新粘贴这些企业后提交。`;

export default function EnterprisesPage() {
  const privacy = usePrivacyAuthorization();
  const status = useRegistrationStatus();
  // A remembered submission is polled at once, which answers the access question too.
  const { access, markForbidden } = useAdminAccess(!status.registration);
  const [endpoint, setEndpoint] = useState<RegistrationEndpoint>(DEFAULT_REGISTRATION_ENDPOINT);
  const [batchAuthMethod, setBatchAuthMethod] = useState<BatchAuthMethod>(0);
  const held = useHeldEnterprises();
  const drafts = useOrganizationDrafts(batchAuthMethod, held.entries);
  const [heldNotice, setHeldNotice] = useState<string | null>(null);
  const { track } = status;
  const { submit, submitting, notice } = useRegistrationSubmit({
    drafts,
    held,
    endpoint,
    batchAuthMethod,
    track: (registration) => {
      track(registration);
      if (typeof Taro.pageScrollTo === 'function')
        Taro.pageScrollTo({ scrollTop: 0, duration: 300 });
    },
    onForbidden: markForbidden,
  });

  const count = drafts.filled.length;
  const { heldWithoutRow } = drafts;
  const heldCount = drafts.heldKeys.length + heldWithoutRow.length;

  /** Checked in the ESS console, not registered: the rows may be submitted again. */
  const confirmRows = (keys: readonly string[]) => {
    held.confirm(keys.map(drafts.codeOf));
    drafts.release(keys);
  };
  /** The same, for held enterprises whose rows are gone (reload): they must be pasted again. */
  const confirmWithoutRow = (codes: readonly string[]) => {
    if (codes.length === 0) return;
    held.confirm(codes);
    setHeldNotice(pasteAgainNotice(codes.length));
  };
  const removeRow = (key: string) => {
    // A held row deleted: found registered in the console, no longer to be checked.
    if (drafts.isHeld(key)) held.forget([drafts.codeOf(key)]);
    drafts.remove(key);
  };

  return (
    <AdminPage
      title="企业批量认证"
      subtitle="填写或从表格粘贴企业信息，提交后腾讯电子签会为每家企业生成认证链接。"
      access={status.forbidden ? 'forbidden' : access}
      privacy={privacy}
    >
      <RegistrationStatusCard status={status} onAuthorize={goToAuthorization} />

      <PastePanel
        onPaste={(text) => {
          setHeldNotice(null);
          return drafts.paste(text);
        }}
      />

      <Text className="section-title">{`企业列表（${count} 家）`}</Text>
      {drafts.drafts.map((draft, index) => (
        <OrganizationCard
          key={draft.key}
          draft={draft}
          position={index + 1}
          errors={drafts.errorsOf(draft.key)}
          editing={drafts.editingKey === draft.key}
          held={drafts.isHeld(draft.key)}
          onConfirmNotSubmitted={() => confirmRows([draft.key])}
          onChange={(field, value) => drafts.setValue(draft.key, field, value)}
          onBlur={(field) => drafts.blur(draft.key, field)}
          onEdit={() => drafts.edit(draft.key)}
          onDone={() => drafts.edit(null)}
          onRemove={() => removeRow(draft.key)}
        />
      ))}
      <Button className="btn btn--plain" onClick={drafts.add}>
        + 添加一家企业
      </Button>

      <Text className="section-title">链接设置</Text>
      <RegistrationOptions
        endpoint={endpoint}
        batchAuthMethod={batchAuthMethod}
        onEndpointChange={setEndpoint}
        onMethodChange={setBatchAuthMethod}
      />

      {notice ? <Text className="notice">{notice}</Text> : null}
      {heldNotice ? <Text className="notice">{heldNotice}</Text> : null}
      {heldCount > 0 ? (
        <View className="card" ariaRole="region" ariaLabel="待核对的企业">
          <Text className="notice">
            {`有 ${heldCount} 家企业待核对：提交时没有收到腾讯电子签的答复，可能已提交成功，不会随本页的提交再次发送。请到腾讯电子签控制台（企业批量认证）核对；已提交的请删除，确认未提交的才能重新提交。`}
          </Text>
          <HeldEnterpriseList
            enterprises={heldWithoutRow}
            onConfirm={(code) => confirmWithoutRow([code])}
            onRemove={(code) => held.forget([code])}
          />
          <Button
            className="btn btn--plain btn--statement"
            onClick={() => {
              confirmRows(drafts.heldKeys);
              confirmWithoutRow(heldWithoutRow.map((entry) => entry.uniformSocialCreditCode));
            }}
          >
            {CONFIRM_ALL_NOT_SUBMITTED}
          </Button>
        </View>
      ) : null}
      <Button
        className="btn btn--primary"
        {...(count > 0 && !submitting ? {} : { disabled: true })}
        {...(submitting ? { loading: true } : {})}
        onClick={() => privacy.whenAuthorized(() => void submit())}
      >
        {submitting ? '正在提交…' : `提交 ${count} 家企业`}
      </Button>
      <Text className="hint">
        企业信息仅用于向腾讯电子签提交认证，本机只保存任务编号、企业名称和统一社会信用代码，便于稍后查看进度和核对。
      </Text>
    </AdminPage>
  );
}
