import { Field, type FieldErrors } from '../../../platform/views/components.tsx';
import { APPLICANT_TYPE_LABELS, ID_KIND_LABELS, ID_KINDS } from '../domain/applicant-types.ts';
import { DELIVERY_METHOD_LABELS, DELIVERY_METHODS, PROVISION_FORM_LABELS, PROVISION_FORMS } from '../domain/channels.ts';
import { MAX_SUBJECT_CHARS } from '../domain/application-input.ts';
import { MIN_WRITTEN_CHARS, WRITTEN_CHARS_RULE } from '../../../shared/written-text.ts';
import { PHONE_NUMBER_RULE } from '../../../shared/phone-number.ts';
import type { FormValues } from './form-values.ts';

const ORG_TYPES = ['commercial_enterprise', 'research_institution', 'public_interest_org', 'legal_service_org', 'other_org'] as const;

/** The fields of the application form in the order it shows them (the error summary follows it). */
export const APPLICATION_FIELD_ORDER = [
  'applicantType', 'applicantName', 'applicantIdKind', 'applicantIdNumber', 'contactPerson', 'contactPhone', 'contactEmail', 'contactAddress', 'postalCode',
  'subject', 'documentNumber', 'provisionForm', 'deliveryMethod',
] as const;

const describer = (errors: FieldErrors) => (name: string, hint?: boolean) => [hint ? `h-${name}` : '', errors[name] ? `e-${name}` : ''].filter(Boolean).join(' ') || undefined;

/**
 * Who the applicant is and how to reach them (条例第二十九条): applications and 第四十一条 correction requests.
 * No field has a maxlength: a browser would cut a pasted text without a word; the server refuses an
 * over-long one with the field's message (不能超过…个字), what was typed kept.
 */
export function ApplicantIdentityFieldset({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const v = (k: string) => values[k] ?? '';
  const describedBy = describer(errors);
  return (
      <fieldset>
        <legend>申请人信息</legend>
        <Field name="applicantType" label="申请人类型" errors={errors} required>
          <select id="f-applicantType" name="applicantType" aria-describedby={describedBy('applicantType')} required>
            <option value="">请选择</option>
            <option value="natural_person" selected={v('applicantType') === 'natural_person'}>{APPLICANT_TYPE_LABELS.natural_person}</option>
            <optgroup label="法人或其他组织">
              {ORG_TYPES.map((t) => <option value={t} selected={v('applicantType') === t}>{APPLICANT_TYPE_LABELS[t]}</option>)}
            </optgroup>
          </select>
        </Field>
        <Field name="applicantName" label="姓名或名称" errors={errors} required hint="自然人填写姓名；法人或其他组织填写全称">
          <input type="text" id="f-applicantName" name="applicantName" value={v('applicantName')} autocomplete="name" aria-describedby={describedBy('applicantName', true)} required />
        </Field>
        <Field name="applicantIdKind" label="身份证明类型" errors={errors} required>
          <select id="f-applicantIdKind" name="applicantIdKind" aria-describedby={describedBy('applicantIdKind')} required>
            <option value="">请选择</option>
            {ID_KINDS.map((k) => <option value={k} selected={v('applicantIdKind') === k}>{ID_KIND_LABELS[k]}</option>)}
          </select>
        </Field>
        <Field name="applicantIdNumber" label="证件号码" errors={errors} required>
          <input type="text" id="f-applicantIdNumber" name="applicantIdNumber" value={v('applicantIdNumber')} autocomplete="off" aria-describedby={describedBy('applicantIdNumber')} required />
        </Field>
        <Field name="contactPerson" label="联系人" errors={errors} hint="法人或其他组织必填">
          <input type="text" id="f-contactPerson" name="contactPerson" value={v('contactPerson')} autocomplete="name" aria-describedby={describedBy('contactPerson', true)} />
        </Field>
        <Field name="contactPhone" label="联系电话" errors={errors} required hint={PHONE_NUMBER_RULE}>
          <input type="text" id="f-contactPhone" name="contactPhone" value={v('contactPhone')} autocomplete="tel" inputMode="tel" aria-describedby={describedBy('contactPhone', true)} required />
        </Field>
        <Field name="contactEmail" label="电子邮箱" errors={errors} hint="以电子邮件获取信息时必填">
          <input type="text" id="f-contactEmail" name="contactEmail" value={v('contactEmail')} autocomplete="email" inputMode="email" aria-describedby={describedBy('contactEmail', true)} />
        </Field>
        <Field name="contactAddress" label="通信地址" errors={errors} hint="以邮寄获取信息时必填">
          <input type="text" id="f-contactAddress" name="contactAddress" value={v('contactAddress')} autocomplete="street-address" aria-describedby={describedBy('contactAddress', true)} />
        </Field>
        <Field name="postalCode" label="邮政编码" errors={errors}>
          <input type="text" id="f-postalCode" name="postalCode" value={v('postalCode')} inputMode="numeric" autocomplete="postal-code" aria-describedby={describedBy('postalCode')} />
        </Field>
      </fieldset>
  );
}

/** The applicant and the request (条例第二十九条), shared by the public form and staff registration. */
export function ApplicantFieldsets({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const v = (k: string) => values[k] ?? '';
  const describedBy = describer(errors);
  return (
    <>
      <ApplicantIdentityFieldset values={values} errors={errors} />
      <fieldset>
        <legend>所需政府信息</legend>
        <Field name="subject" label="所需信息的内容描述" errors={errors} required hint={`请写明信息的名称或便于查询的特征性描述，如年份、项目名称、发文单位；至少${MIN_WRITTEN_CHARS}个字（${WRITTEN_CHARS_RULE}），不超过${MAX_SUBJECT_CHARS}个字`}>
          <textarea id="f-subject" name="subject" aria-describedby={describedBy('subject', true)} required>{v('subject')}</textarea>
        </Field>
        <Field name="documentNumber" label="文号" errors={errors} hint="如知道，请填写（发文机关代字、年份、序号），例如：××〔2025〕12号">
          <input type="text" id="f-documentNumber" name="documentNumber" value={v('documentNumber')} aria-describedby={describedBy('documentNumber', true)} />
        </Field>
        <Field name="provisionForm" label="信息的提供形式" errors={errors} required>
          <select id="f-provisionForm" name="provisionForm" aria-describedby={describedBy('provisionForm')} required>
            <option value="">请选择</option>
            {PROVISION_FORMS.map((k) => <option value={k} selected={v('provisionForm') === k}>{PROVISION_FORM_LABELS[k]}</option>)}
          </select>
        </Field>
        <Field name="deliveryMethod" label="获取信息的方式" errors={errors} required>
          <select id="f-deliveryMethod" name="deliveryMethod" aria-describedby={describedBy('deliveryMethod')} required>
            <option value="">请选择</option>
            {DELIVERY_METHODS.map((k) => <option value={k} selected={v('deliveryMethod') === k}>{DELIVERY_METHOD_LABELS[k]}</option>)}
          </select>
        </Field>
      </fieldset>
    </>
  );
}
