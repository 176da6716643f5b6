import { useMemo, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import FormField from '../../../components/FormField';
import { usePrivacyAuthorization } from '../../../components/PrivacyPopup/usePrivacyAuthorization';
import OptionGroup, { type Option } from '../../../components/OptionGroup';
import type { AuthorizationEndpoint } from '../../../domain/organizationContract';
import { takeEssReturnOnPageShow } from '../../../services/essReturn';
import AdminPage from '../../components/AdminPage';
import { useAdminAccess } from '../../hooks/useAdminAccess';
import { useRegistrationStatus } from '../../hooks/useRegistrationStatus';
import { assignMessages } from '../../lib/subTaskMessages';
import { goToEnterprises } from '../../routes';
import AdminIdentityFields from './AdminIdentityFields';
import AuthorizationLinkCard from './AuthorizationLinkCard';
import SubTaskPicker from './SubTaskPicker';
import { useAdminIdentityForm } from './useAdminIdentityForm';
import { useAuthorizationLink } from './useAuthorizationLink';
import { useSubTaskSelection } from './useSubTaskSelection';
// Last: the admin look builds on the components' styles.
import '../../admin.css';

const ENDPOINT_OPTIONS: ReadonlyArray<Option<AuthorizationEndpoint>> = [
  { value: 'HTTP', label: '链接', description: '发给超管，在微信中打开（可用于短信）' },
  { value: 'HTTP_SHORT_URL', label: '短链接', description: '较短，适合放在短信中' },
  { value: 'QR_CODE', label: '二维码', description: '超管用微信扫码，可保存到相册转发' },
  { value: 'APP', label: '在本机打开', description: '超管本人在此微信中打开腾讯电子签小程序' },
];

export default function AuthorizationPage() {
  const privacy = usePrivacyAuthorization();
  const status = useRegistrationStatus();
  const { access, markForbidden } = useAdminAccess(!status.registration);
  const form = useAdminIdentityForm();
  const [endpoint, setEndpoint] = useState<AuthorizationEndpoint>('HTTP');
  const [proxyOrganizationId, setProxyOrganizationId] = useState('');
  const { state, generate } = useAuthorizationLink(markForbidden);

  // Sub-tasks ESS answered without a problem can be authorised.
  const rows = useMemo(
    () => status.readyRows.filter((row) => row.subTaskId && !row.errorMessage),
    [status.readyRows],
  );
  const selection = useSubTaskSelection(useMemo(() => rows.map((row) => row.subTaskId), [rows]));
  const messages = useMemo(
    () => assignMessages(state.kind === 'ready' ? state.link.errorMessages : [], status.readyRows),
    [state, status.readyRows],
  );

  // Back from the ESS mini-program (APP link): nothing to ask, the admin carries on here.
  useDidShow(() => {
    takeEssReturnOnPageShow();
  });

  const onGenerate = () => {
    if (!form.check.ok) {
      form.revealAll();
      return;
    }
    const proxy = proxyOrganizationId.trim();
    const event = {
      ...form.check.value,
      endpoint,
      ...(selection.selected.length > 0 ? { subTaskIds: [...selection.selected] } : {}),
      ...(proxy ? { proxyOrganizationId: proxy } : {}),
    };
    // The super admin's name, mobile and ID number go to ESS only with the admin's consent.
    privacy.whenAuthorized(() => void generate(event));
  };

  const loading = state.kind === 'loading';

  return (
    <AdminPage
      title="批量认证链接"
      subtitle="为一位超管生成一个链接，超管通过它依次完成多家企业的认证。"
      access={status.forbidden ? 'forbidden' : access}
      privacy={privacy}
    >
      <Text className="section-title">超管信息</Text>
      <AdminIdentityFields form={form} />
      <Text className="notice">
        请填写创建认证任务时所填的超管信息：姓名、手机号、证件类型和证件号必须与当时完全一致，否则对应的企业会被腾讯电子签筛除。
      </Text>

      <Text className="section-title">选择企业</Text>
      {rows.length > 0 ? (
        <SubTaskPicker
          rows={rows}
          selected={selection.selected}
          messages={messages.bySubTask}
          onToggle={selection.toggle}
          onSelectAll={selection.selectAll}
          onSelectNone={selection.selectNone}
        />
      ) : (
        <View className="card">
          <Text className="admin-forbidden__text">
            {status.phase === 'polling'
              ? '正在获取已提交的企业…'
              : '这里还没有已就绪的企业。可以先提交企业；也可以直接生成链接，链接将包含该超管名下全部已就绪的企业。'}
          </Text>
          <Button className="btn btn--plain" onClick={goToEnterprises}>
            去提交企业
          </Button>
        </View>
      )}
      {rows.length > 0 && selection.selected.length === 0 ? (
        <Text className="hint">未勾选企业时，链接将包含该超管名下全部已就绪的企业。</Text>
      ) : null}

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
          placeholder="选填"
          value={proxyOrganizationId}
          maxlength={64}
          onInput={setProxyOrganizationId}
          onBlur={setProxyOrganizationId}
        />
      </View>
      <Text className="hint">集团代子企业操作时填写子企业组织ID，其他情况留空。</Text>

      {state.kind === 'failed' ? <Text className="notice">{state.message}</Text> : null}
      <Button
        className="btn btn--primary"
        {...(loading ? { disabled: true, loading: true } : {})}
        onClick={onGenerate}
      >
        {loading ? '正在生成…' : '生成批量认证链接'}
      </Button>

      {state.kind === 'ready' ? (
        <AuthorizationLinkCard
          endpoint={state.endpoint}
          link={state.link}
          otherMessages={messages.others}
        />
      ) : null}
    </AdminPage>
  );
}
