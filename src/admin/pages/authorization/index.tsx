import { useEffect, useMemo, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import FormField from '../../../components/FormField';
import { usePrivacyAuthorization } from '../../../components/PrivacyPopup/usePrivacyAuthorization';
import OptionGroup, { type Option } from '../../../components/OptionGroup';
import type { AuthorizationEndpoint } from '../../../domain/organizationContract';
import { takeEssReturnOnPageShow } from '../../../services/essReturn';
import OperatorPage from '../../components/OperatorPage';
import { useOperatorAccess } from '../../hooks/useOperatorAccess';
import { useRegistrationStatus } from '../../hooks/useRegistrationStatus';
import {
  sameSuperAdmin,
  submittedWithoutSuperAdmin,
  superAdminOf,
  type SessionSuperAdmin,
} from '../../lib/superAdminSession';
import { goToEnterprises } from '../../routes';
import AuthorizationLinkCard from './AuthorizationLinkCard';
import SubTaskPicker from './SubTaskPicker';
import SuperAdminChooser from './SuperAdminChooser';
import SuperAdminFields from './SuperAdminFields';
import { useAuthorizationLink } from './useAuthorizationLink';
import { useProxyPrefill } from './useProxyPrefill';
import { useSubTaskSelection } from './useSubTaskSelection';
import { useSuperAdminForm } from './useSuperAdminForm';
import { useSuperAdminPrefill } from './useSuperAdminPrefill';
// Last: the admin look builds on the components' styles.
import '../../admin.css';
import Paragraph from '../../../components/Paragraph';
import { scrollPageTo } from '../../../services/navigation';

const ENDPOINT_OPTIONS: ReadonlyArray<Option<AuthorizationEndpoint>> = [
  { value: 'HTTP', label: '链接', description: '发给超管，在微信中打开（可用于短信）' },
  { value: 'HTTP_SHORT_URL', label: '短链接', description: '较短，适合放在短信中' },
  { value: 'QR_CODE', label: '二维码', description: '超管用微信扫码，可保存到相册转发' },
  { value: 'APP', label: '在本机打开', description: '超管本人在此微信中打开腾讯电子签小程序' },
];

const MUST_MATCH =
  '请填写创建认证任务时所填的超管信息：姓名、手机号、证件类型和证件号必须与当时完全一致，否则对应的企业会被腾讯电子签筛除。';
const LINK_CARD = 'auth-link';
const SUPER_ADMIN_CARD = 'super-admin';

const scrollTo = (id: string) => scrollPageTo({ selector: `#${id}` });

export default function AuthorizationPage() {
  const privacy = usePrivacyAuthorization();
  const status = useRegistrationStatus();
  const { access, markForbidden } = useOperatorAccess(!status.registration);
  const form = useSuperAdminForm();
  const [endpoint, setEndpoint] = useState<AuthorizationEndpoint>('HTTP');
  const { state, generate } = useAuthorizationLink(markForbidden);

  // Sub-tasks ESS answered without a problem can be authorised.
  const rows = useMemo(
    () => status.readyRows.filter((row) => row.subTaskId && !row.errorMessage),
    [status.readyRows],
  );
  // Enterprises submitted (this session) without a super admin cannot be in a single link.
  const withoutSuperAdmin = useMemo(
    () =>
      rows
        .filter((row) => submittedWithoutSuperAdmin(row.organizationName))
        .map((row) => row.subTaskId),
    [rows],
  );
  const selection = useSubTaskSelection(
    useMemo(() => rows.map((row) => row.subTaskId), [rows]),
    withoutSuperAdmin,
  );
  const selectedRows = useMemo(
    () => rows.filter((row) => selection.selected.includes(row.subTaskId)),
    [rows, selection.selected],
  );
  const prefill = useSuperAdminPrefill(
    form,
    useMemo(() => selectedRows.map((row) => row.organizationName), [selectedRows]),
  );
  const proxy = useProxyPrefill(status.tasks, selection.selected);
  // ESS's messages about filtered sub-tasks, as the server placed them.
  const messages =
    state.kind === 'ready'
      ? { bySubTask: state.link.subTaskMessages, others: state.link.otherMessages }
      : { bySubTask: {}, others: [] };

  const { setServerErrors } = form;
  useEffect(() => {
    if (state.kind === 'failed') {
      setServerErrors(state.fieldErrors);
      // About the super admin: bring the fields (and what is said under them) into view.
      const aboutFields =
        state.code === 'ESS_REJECTED' ||
        Object.keys(state.fieldErrors).some((f) => f !== 'proxyOrganizationId');
      if (aboutFields) scrollTo(SUPER_ADMIN_CARD);
    }
    // Generated: bring the link (or QR code) into view, below the form.
    if (state.kind === 'ready') scrollTo(LINK_CARD);
  }, [state, setServerErrors]);

  // Back from the ESS mini-program (APP link): nothing to ask, the operator carries on here.
  useDidShow(() => {
    takeEssReturnOnPageShow();
  });

  const onGenerate = () => {
    if (!form.check.ok) {
      form.revealAll();
      return;
    }
    const proxyId = proxy.value.trim();
    const event = {
      ...form.check.value,
      endpoint,
      ...(selection.selected.length > 0 ? { subTaskIds: [...selection.selected] } : {}),
      ...(proxyId ? { proxyOrganizationId: proxyId } : {}),
    };
    // The super admin's name, mobile and ID number go to ESS only with the operator's consent.
    privacy.whenAuthorized(() => void generate(event));
  };

  const loading = state.kind === 'loading';
  const failed = state.kind === 'failed' ? state : null;
  // ESS found none of the enterprises registered with this super admin: said by the fields.
  const mismatch = failed?.code === 'ESS_REJECTED' ? failed.message : (prefill.mismatch ?? null);

  /** Fills in one of the selection's super admins and keeps only their enterprises. */
  const chooseSuperAdmin = (chosen: SessionSuperAdmin) => {
    prefill.use(chosen);
    selection.selectOnly(
      selectedRows
        .filter((row) => {
          const known = superAdminOf(row.organizationName);
          return known && sameSuperAdmin(known, chosen);
        })
        .map((row) => row.subTaskId),
    );
  };

  return (
    <OperatorPage
      title="批量认证链接"
      subtitle="为一位超管生成一个链接，超管通过它依次完成多家企业的认证。"
      access={status.forbidden ? 'forbidden' : access}
      privacy={privacy}
    >
      <Text className="section-title">选择企业</Text>
      {rows.length > 0 ? (
        <SubTaskPicker
          rows={rows}
          selected={selection.selected}
          messages={messages.bySubTask}
          withoutSuperAdmin={withoutSuperAdmin}
          onToggle={selection.toggle}
          onSelectAll={selection.selectAll}
          onSelectNone={selection.selectNone}
        />
      ) : (
        <View className="card">
          <Paragraph
            className="admin-forbidden__text"
            text={
              status.phase === 'polling'
                ? '正在获取已提交的企业…'
                : '这里还没有已就绪的企业。可以先提交企业；也可以直接生成链接，链接将包含该超管名下全部已就绪的企业。'
            }
          />
          <Button className="btn btn--plain" onClick={goToEnterprises}>
            去提交企业
          </Button>
        </View>
      )}
      {rows.length > 0 && selection.selected.length === 0 ? (
        <Paragraph className="hint" text={'未勾选企业时，链接将包含该超管名下全部已就绪的企业。'} />
      ) : null}

      <Text className="section-title">超管信息</Text>
      <Paragraph
        className="hint hint--before"
        text={
          prefill.candidates.length > 0
            ? '已按所选企业创建时填写的超管信息自动填好，请核对。'
            : MUST_MATCH
        }
      />
      <SuperAdminFields id={SUPER_ADMIN_CARD} form={form} mismatch={mismatch} />
      <SuperAdminChooser candidates={prefill.candidates} onChoose={chooseSuperAdmin} />

      <Text className="section-title">链接类型</Text>
      <View className="card card--form">
        <OptionGroup
          name="authorizationEndpoint"
          title="超管如何打开"
          layout="list"
          options={ENDPOINT_OPTIONS}
          value={endpoint}
          onChange={setEndpoint}
        />
      </View>

      <Text className="section-title">高级（选填）</Text>
      <View className="card card--form">
        <FormField
          id="proxyOrganizationId"
          label="子企业组织ID"
          placeholder="集团代子企业操作时填写"
          value={proxy.value}
          error={failed?.fieldErrors.proxyOrganizationId ?? proxy.problem ?? undefined}
          maxlength={64}
          onInput={proxy.set}
          onBlur={proxy.set}
        />
      </View>
      <Paragraph
        className="hint"
        text={'集团代子企业操作时填写子企业组织ID（提交企业时填过的会自动带出），其他情况留空。'}
      />

      {failed && failed.code !== 'ESS_REJECTED' ? (
        <Paragraph className="notice" text={failed.message} />
      ) : null}
      <Button
        className="btn btn--primary"
        {...(loading ? { disabled: true } : {})}
        onClick={onGenerate}
      >
        {loading ? '正在生成…' : '生成批量认证链接'}
      </Button>

      {state.kind === 'ready' ? (
        <AuthorizationLinkCard
          id={LINK_CARD}
          endpoint={state.endpoint}
          link={state.link}
          otherMessages={messages.others}
        />
      ) : null}
    </OperatorPage>
  );
}
