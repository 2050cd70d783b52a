import type { Database } from '../../db/client';
import type { PartnerKind } from '../../shared/outreach-vocabulary';
import { watchPartners } from '../outreach/outreach.tables';

// 見守り協定先 of the demo city, as the seed documents list them: businesses whose rounds take
// them to every door, and who agreed to say when something seems wrong.
const DEMO_PARTNERS: {
  name: string;
  kind: PartnerKind;
  agreedOn: string;
  contactPerson: string;
  reportsWhat: string;
  reportsHow: string;
}[] = [
  {
    name: 'つなぐ郵便局',
    kind: 'postal',
    agreedOn: '2023-04-01',
    contactPerson: '局長',
    reportsWhat: '郵便受けに郵便物がたまっている、表札が外れている',
    reportsHow: '電話（地域福祉課へ）',
  },
  {
    name: 'つなぐ市水道サービス（検針）',
    kind: 'water_meter',
    agreedOn: '2023-10-01',
    contactPerson: '検針課長',
    reportsWhat: '水道の使用量が急に減った・ゼロが続く、家の周りにごみがたまっている',
    reportsHow: '検針票の連絡欄とFAX',
  },
  {
    name: 'コープつなぐ（宅配）',
    kind: 'coop_delivery',
    agreedOn: '2024-04-01',
    contactPerson: '配送センター長',
    reportsWhat: '配達した品物が受け取られていない、応答がない',
    reportsHow: '電話',
  },
  {
    name: 'つなぐ新聞販売店',
    kind: 'newspaper',
    agreedOn: '2024-07-01',
    contactPerson: '店主',
    reportsWhat: '新聞がたまっている',
    reportsHow: '電話',
  },
];

export async function seedDemoWatchPartners(tx: Database, tenantId: string) {
  await tx.insert(watchPartners).values(DEMO_PARTNERS.map((p) => ({ ...p, tenantId })));
}
