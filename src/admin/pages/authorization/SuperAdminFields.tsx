import { View } from '@tarojs/components';
import FormField, { type FormFieldProps } from '../../../components/FormField';
import OptionGroup, { type Option } from '../../../components/OptionGroup';
import { ADMIN_ID_CARD_TYPE_LABELS, type AdminIdentityField } from '../../../domain/adminIdentity';
import { ADMIN_ID_CARD_TYPES, type AdminIdCardType } from '../../../domain/organizationContract';
import type { AdminIdentityForm } from './useAdminIdentityForm';

type TextFieldSpec = Pick<FormFieldProps, 'label' | 'placeholder' | 'type' | 'maxlength'> & {
  field: Exclude<AdminIdentityField, 'adminIdCardType'>;
};

const NAME_AND_MOBILE: readonly TextFieldSpec[] = [
  { field: 'adminName', label: '超管姓名', placeholder: '证件上的姓名', maxlength: 50 },
  {
    field: 'adminMobile',
    label: '超管手机号',
    placeholder: '超管的手机号',
    type: 'number',
    maxlength: 20,
  },
];

const ID_NUMBER: TextFieldSpec = {
  field: 'adminIdCardNumber',
  label: '超管证件号',
  placeholder: '选填，创建任务时填过则必须填写',
  type: 'idcard',
  maxlength: 24,
};

const ID_TYPE_OPTIONS: ReadonlyArray<Option<AdminIdCardType>> = ADMIN_ID_CARD_TYPES.map((type) => ({
  value: type,
  label: ADMIN_ID_CARD_TYPE_LABELS[type],
}));

/** The super admin: name, mobile, document type and (optional) number. */
export default function AdminIdentityFields({ form }: { form: AdminIdentityForm }) {
  const textField = ({ field, ...spec }: TextFieldSpec) => (
    <FormField
      key={field}
      id={field}
      {...spec}
      value={form.values[field]}
      error={form.errors[field]}
      onInput={(value) => form.setValue(field, value)}
      onBlur={() => form.blur(field)}
    />
  );
  return (
    <View className="card card--form">
      {NAME_AND_MOBILE.map(textField)}
      <OptionGroup
        name="adminIdCardType"
        title="超管证件类型"
        layout="list"
        options={ID_TYPE_OPTIONS}
        value={form.values.adminIdCardType as AdminIdCardType}
        error={form.errors.adminIdCardType}
        onChange={(value) => form.setValue('adminIdCardType', value)}
      />
      {textField(ID_NUMBER)}
    </View>
  );
}
