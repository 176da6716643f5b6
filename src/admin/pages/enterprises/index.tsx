import { useMemo, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { usePrivacyAuthorization } from '../../../components/PrivacyPopup/usePrivacyAuthorization';
import type { RegistrationEndpoint } from '../../../domain/organizationContract';
import { superAdminRequired } from '../../../domain/organizationInput';
import OperatorPage from '../../components/OperatorPage';
import { useHeldEnterprises } from '../../hooks/useHeldEnterprises';
import { useListNotice } from '../../hooks/useListNotice';
import { useOperatorAccess } from '../../hooks/useOperatorAccess';
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
import Paragraph from '../../../components/Paragraph';
import { scrollPageTo } from '../../../services/navigation';

const CONFIRM_ALL_NOT_SUBMITTED = '我已在腾讯电子签控制台确认这些企业未提交';
const pasteAgainNotice = (count: number) =>
  `已确认 ${count} 家企业未提交。本机没有保存它们的完整信息，请重新粘贴这些企业后提交。`;
const NOTHING_PASTED = '没有识别到企业信息。请在表格中选中企业所在的行，复制后粘贴到这里';

/** `企业列表（3 家，其中 1 家待核对）`: what the cards below are. */
function listTitle(rows: number, held: number): string {
  if (rows === 0) return '企业列表';
  return held > 0 ? `企业列表（${rows} 家，其中 ${held} 家待核对）` : `企业列表（${rows} 家）`;
}

const scrollToTop = () => scrollPageTo('top');

export default function EnterprisesPage() {
  const privacy = usePrivacyAuthorization();
  const status = useRegistrationStatus();
  // A remembered submission is polled at once, which answers the access question too.
  const { access, markForbidden } = useOperatorAccess(!status.registration);
  const [endpoint, setEndpoint] = useState<RegistrationEndpoint>(DEFAULT_REGISTRATION_ENDPOINT);
  const [batchAuthMethod, setBatchAuthMethod] = useState<BatchAuthMethod>(0);
  const [proxyOrganizationId, setProxyOrganizationId] = useState('');
  const held = useHeldEnterprises();
  const drafts = useOrganizationDrafts(batchAuthMethod, held);
  const [heldNotice, setHeldNotice] = useState<string | null>(null);
  const { track } = status;
  const { submit, submitting, notice, fieldErrors, attempts } = useRegistrationSubmit({
    drafts,
    held,
    endpoint,
    batchAuthMethod,
    proxyOrganizationId: proxyOrganizationId.trim(),
    track: (registration) => {
      track(registration);
      scrollToTop();
    },
    onForbidden: markForbidden,
  });

  // What the last paste did, while the list is as it left it (a change or a submission ends it).
  const paste = useListNotice(useMemo(() => [drafts.drafts, attempts], [drafts.drafts, attempts]));

  const count = drafts.filled.length;
  const { heldWithoutRow } = drafts;
  const heldCount = drafts.heldKeys.length + heldWithoutRow.length;

  /** Checked in the ESS console, not registered: the rows may be submitted again. */
  const confirmRows = (keys: readonly string[]) => held.confirm(keys.map(drafts.codeOf));
  /** The same, for held enterprises whose rows are gone (reload): they must be pasted again. */
  const confirmWithoutRow = (codes: readonly string[]) => {
    if (codes.length === 0) return;
    held.confirm(codes);
    setHeldNotice(pasteAgainNotice(codes.length));
  };

  return (
    <OperatorPage
      title="企业批量认证"
      subtitle="填写或从表格粘贴企业信息，提交后腾讯电子签会为每家企业生成认证链接。"
      access={status.forbidden ? 'forbidden' : access}
      privacy={privacy}
    >
      <RegistrationStatusCard status={status} onAuthorize={goToAuthorization} />

      <Text className="section-title">链接设置</Text>
      <RegistrationOptions
        endpoint={endpoint}
        batchAuthMethod={batchAuthMethod}
        proxyOrganizationId={proxyOrganizationId}
        proxyError={fieldErrors.proxyOrganizationId}
        onEndpointChange={setEndpoint}
        onMethodChange={setBatchAuthMethod}
        onProxyChange={setProxyOrganizationId}
      />

      <PastePanel
        message={paste.notice}
        onPaste={(text) => {
          setHeldNotice(null);
          const added = drafts.paste(text);
          paste.show(
            added > 0 ? `已添加 ${added} 家企业，请核对下方的信息` : NOTHING_PASTED,
            added > 0,
          );
          return added;
        }}
      />

      <View className="list-header">
        <Text className="section-title list-header__title">
          {listTitle(drafts.nonBlankCount, drafts.heldKeys.length)}
        </Text>
        {drafts.nonBlankCount > 0 ? (
          <Button className="org-card__action org-card__action--danger" onClick={drafts.clear}>
            清空列表
          </Button>
        ) : null}
      </View>
      {drafts.drafts.map((draft, index) => (
        <OrganizationCard
          key={draft.key}
          draft={draft}
          position={index + 1}
          errors={drafts.errorsOf(draft.key)}
          editing={drafts.editingKey === draft.key}
          superAdminOptional={!superAdminRequired(batchAuthMethod)}
          held={drafts.isHeld(draft.key)}
          onConfirmNotSubmitted={() => confirmRows([draft.key])}
          onChange={(field, value) => drafts.setValue(draft.key, field, value)}
          onBlur={(field) => drafts.blur(draft.key, field)}
          onEdit={() => drafts.edit(draft.key)}
          onDone={() => drafts.edit(null)}
          onRemove={() => drafts.remove(draft.key)}
        />
      ))}
      <Button className="btn btn--plain" onClick={drafts.add}>
        + 添加一家企业
      </Button>

      {notice ? <Paragraph className="notice" text={notice} /> : null}
      {heldNotice ? <Paragraph className="notice" text={heldNotice} /> : null}
      {heldCount > 0 ? (
        <View className="card" ariaRole="region" ariaLabel="待核对的企业">
          <Paragraph
            className="notice"
            text={`有 ${heldCount} 家企业待核对：提交时没有收到腾讯电子签的答复，可能已提交成功，不会随本页的提交再次发送。请到腾讯电子签控制台（企业批量认证）核对；已提交的请删除，确认未提交的才能重新提交。`}
          />
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
        onClick={() => privacy.whenAuthorized(() => void submit())}
      >
        {submitting ? '正在提交…' : `提交 ${count} 家企业`}
      </Button>
      <Paragraph
        className="hint"
        text={
          '企业信息仅用于向腾讯电子签提交认证。尚未提交的企业信息暂存在本机，提交后即删除，最多保留一天；之后本机只保存任务编号、企业名称和统一社会信用代码，便于查看进度和核对。'
        }
      />
    </OperatorPage>
  );
}
