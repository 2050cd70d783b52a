import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { DownloadIcon } from '../../components/DownloadIcon';
import { PersonalExportDialog } from '../../components/PersonalExportDialog';
import { download } from '../../lib/files';
import { todayInJapan } from './case-queries';

/**
 * The case as an HL7 FHIR R4 file for another system. Asks first: the file holds personal data,
 * the export is recorded in the audit log, and the municipality's rules govern the file.
 */
export function FhirExportButton({ caseId }: { caseId: string }) {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setOpened(false);
    setError(null);
  };
  const exportFile = async () => {
    setBusy(true);
    setError(null);
    try {
      await download(`/api/cases/${caseId}/fhir`, `tsunagu-case-${caseId}-${todayInJapan()}.fhir.json`);
      setOpened(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="subtle"
        color="indigo"
        c="indigo.9"
        leftSection={<DownloadIcon />}
        onClick={() => setOpened(true)}
      >
        FHIR形式で書き出す
      </Button>
      <PersonalExportDialog
        opened={opened}
        onClose={close}
        title="FHIR形式で書き出す"
        intro={
          <Text size="sm">
            この事例を、ほかのシステムに渡すためのファイル（HL7 FHIR R4 の JSON）として書き出します。
          </Text>
        }
        alertTitle="個人情報を含むファイルです"
        contents="世帯員の氏名・フリガナ・生年月日、同意の記録、つなぎ、支援プラン、チームの機関と職員の名前が入ります（住所・電話番号は入りません）。"
        audited="書き出したことは、だれが・いつ・どの事例と人を書き出したかとともに監査ログに記録されます。"
        handling="ファイルは自治体の個人情報の取扱いのルールに従って扱ってください。渡す相手と保存する場所を決め、使い終わったら削除し、私物の端末や外部のサービスに置かないでください。"
        error={error}
        busy={busy}
        onConfirm={exportFile}
      />
    </>
  );
}
