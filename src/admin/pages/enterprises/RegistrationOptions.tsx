import { View } from '@tarojs/components';
import FormField from '../../../components/FormField';
import OptionGroup, { type Option } from '../../../components/OptionGroup';
import type { RegistrationEndpoint } from '../../../domain/organizationContract';

export type BatchAuthMethod = 0 | 1;

/** ESS's own default: the link opens in a computer's browser (registering needs documents). */
export const DEFAULT_REGISTRATION_ENDPOINT: RegistrationEndpoint = 'PC';

const ENDPOINT_OPTIONS: ReadonlyArray<Option<RegistrationEndpoint>> = [
  { value: 'PC', label: '电脑网页链接', description: '在电脑浏览器中打开，便于上传营业执照等材料' },
  { value: 'SHORT_URL', label: '电脑网页短链', description: '较短，适合放在短信中' },
  { value: 'H5', label: '手机网页链接', description: '在手机浏览器中打开' },
  { value: 'SHORT_H5', label: '手机网页短链', description: '较短，适合放在短信中' },
  { value: 'APP', label: '小程序路径', description: '从其他小程序或 App 跳转到腾讯电子签小程序' },
];

const METHOD_OPTIONS: ReadonlyArray<Option<'0' | '1'>> = [
  { value: '0', label: '每家企业一个链接', description: '分别发给各企业的超管' },
  { value: '1', label: '合并为一个链接', description: '同一位超管用一个链接依次完成多家企业' },
];

/** What each link mode needs of the rows (ESS RegistrationOrganizationInfo). */
const METHOD_NEEDS: Record<BatchAuthMethod, string> = {
  0: '超管姓名、手机号可以不填：不填时由打开链接的人完成认证。之后要为超管生成“批量认证链接”的企业，请填写超管信息。',
  1: '每家企业都须填写超管姓名和手机号。“上传授权书”方式需随提交上传文件，本工具暂不支持，请选择其他认证方式。',
};

export interface RegistrationOptionsProps {
  endpoint: RegistrationEndpoint;
  batchAuthMethod: BatchAuthMethod;
  proxyOrganizationId: string;
  /** The server's message about the subsidiary id, if any. */
  proxyError?: string;
  onEndpointChange: (endpoint: RegistrationEndpoint) => void;
  onMethodChange: (method: BatchAuthMethod) => void;
  onProxyChange: (id: string) => void;
}

/** How ESS should hand out the registration links, and for whom (a subsidiary). */
export default function RegistrationOptions(props: RegistrationOptionsProps) {
  return (
    <View className="card card--form">
      <OptionGroup
        name="registration-endpoint"
        title="链接类型"
        layout="list"
        options={ENDPOINT_OPTIONS}
        value={props.endpoint}
        onChange={props.onEndpointChange}
      />
      <OptionGroup
        name="batch-auth-method"
        title="链接方式"
        layout="list"
        options={METHOD_OPTIONS}
        value={props.batchAuthMethod === 1 ? '1' : '0'}
        note={METHOD_NEEDS[props.batchAuthMethod]}
        onChange={(value) => props.onMethodChange(value === '1' ? 1 : 0)}
      />
      <FormField
        id="registrationProxyOrganizationId"
        label="子企业组织ID（选填）"
        placeholder="集团代子企业提交时填写"
        value={props.proxyOrganizationId}
        error={props.proxyError}
        maxlength={64}
        onInput={props.onProxyChange}
        onBlur={props.onProxyChange}
      />
    </View>
  );
}
