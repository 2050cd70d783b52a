// Every audited event type. Adding a module means adding its events here, with a label.
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.switch_membership',
  'tenant.create',
  'organisation.create',
  'organisation.update',
  'area.create',
  'area.update',
  'user.create',
  'user.update',
  'user.reset_password',
  'membership.create',
  'membership.delete',
  'audit.search',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'auth.login': 'ログイン',
  'auth.logout': 'ログアウト',
  'auth.switch_membership': '所属・役割の切替',
  'tenant.create': '自治体の作成',
  'organisation.create': '機関の登録',
  'organisation.update': '機関の変更',
  'area.create': '地区の登録',
  'area.update': '地区の変更',
  'user.create': '利用者の登録',
  'user.update': '利用者の変更',
  'user.reset_password': 'パスワード再設定',
  'membership.create': '所属の追加',
  'membership.delete': '所属の削除',
  'audit.search': '監査ログの閲覧',
};

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: '成功',
  failure: '失敗',
  denied: '拒否',
};

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  tenant: '自治体',
  organisation: '機関',
  area: '地区',
  user: '職員',
  membership: '所属',
};
