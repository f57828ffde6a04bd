/// <reference types="jest" />
import { deriveFieldKey, deriveKeyFromName, transliterate, uniqueKey } from './key-derivation';

describe('key derivation', () => {
  it('snake-cases English labels', () => {
    expect(deriveFieldKey({ 'en-US': 'Customer name', 'zh-CN': '客户名称' }, new Set())).toBe('customer_name');
    expect(deriveFieldKey('Unit Price (¥)', new Set())).toBe('unit_price');
    expect(deriveFieldKey('Crème brûlée', new Set())).toBe('creme_brulee');
  });

  it('uses pinyin for Chinese labels', () => {
    expect(transliterate('客户名称')).toBe('ke_hu_ming_cheng');
    expect(transliterate('VIP客户')).toBe('vip_ke_hu');
    expect(deriveFieldKey({ 'zh-CN': '合同金额' }, new Set())).toBe('he_tong_jin_e');
  });

  it('falls back to field_N when nothing transliterates', () => {
    expect(deriveFieldKey({ 'zh-CN': '龘' }, new Set(['a', 'b']))).toBe('field_3');
    expect(deriveFieldKey('!!!', new Set())).toBe('field_1');
  });

  it('never returns a taken or reserved key', () => {
    expect(deriveFieldKey('Name', new Set(['name', 'name_2']))).toBe('name_3');
    expect(deriveFieldKey('ID', new Set())).toBe('id_2');
    expect(uniqueKey('created_at', new Set())).toBe('created_at_2');
  });

  it('prefixes keys that would start with a digit and bounds the length', () => {
    expect(deriveFieldKey('2024 target', new Set())).toBe('f_2024_target');
    const long = deriveFieldKey('word '.repeat(40), new Set());
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it('derives app and form keys from names', () => {
    expect(deriveKeyFromName('Sales CRM', 'app_x')).toBe('sales_crm');
    expect(deriveKeyFromName('E2E Orders', 'app_x')).toBe('e2e_orders');
    expect(deriveKeyFromName('unitPrice', 'app_x')).toBe('unit_price');
    expect(deriveKeyFromName('客户管理', 'app_x')).toBe('ke_hu_guan_li');
    expect(deriveKeyFromName('𠀀', 'app_x')).toBe('app_x');
  });
});
