import { z } from 'zod';
import { createRouter, jsonBody, requestContext, routesOf } from '../../server/router';
import { fiscalYearOf } from '../../shared/dates';
import { ZIdParam } from '../../shared/schema-helpers';
import { today } from '../cases/case-common';
import { programDashboard } from './dashboard.service';
import {
  ZCopyForward,
  ZCustomIndicator,
  ZCustomIndicatorInput,
  ZCustomValues,
  ZDashboard,
  ZProgram,
  ZProgramInput,
  ZProgramList,
  ZProgramUpdate,
  ZResults,
  ZTarget,
  ZTargetInput,
  ZTargetUpdate,
  ZYearParam,
  ZYearQuery,
  ZYearSettings,
  ZYearSettingsView,
} from './program.schemas';
import {
  copyProgramsForward,
  createProgram,
  deleteProgram,
  listPrograms,
  updateProgram,
} from './programs.service';
import { programResults } from './results.service';
import {
  createCustomIndicator,
  createTarget,
  deleteTarget,
  listCustomIndicators,
  saveCustomValues,
  saveYearSettings,
  updateTarget,
  yearSettings,
} from './targets.service';

const route = routesOf(['事業管理']);
const ZDeleted = z.object({ deleted: z.string() });
const thisYear = (fiscalYear: number | undefined) => fiscalYear ?? fiscalYearOf(today());

export const programRoutes = createRouter()
  .openapi(
    route(
      'get',
      '/results',
      '成果目標と実績（指標ごと・月ごと、少数は秘匿）',
      { query: ZYearQuery },
      ZResults,
    ),
    async (c) =>
      c.json(await programResults(c.get('deps').db, requestContext(c), c.req.valid('query').fiscalYear), 200),
  )
  .openapi(
    route(
      'get',
      '/dashboard',
      '事業管理ダッシュボード（グラフの元になる数）',
      { query: ZYearQuery },
      ZDashboard,
    ),
    async (c) =>
      c.json(
        await programDashboard(c.get('deps').db, requestContext(c), c.req.valid('query').fiscalYear),
        200,
      ),
  )
  .openapi(
    route('get', '/programs', '事業の実施体制（年度ごと）', { query: ZYearQuery }, ZProgramList),
    async (c) =>
      c.json(
        await listPrograms(c.get('deps').db, requestContext(c), thisYear(c.req.valid('query').fiscalYear)),
        200,
      ),
  )
  .openapi(
    route('post', '/programs', '事業を登録する', { body: jsonBody(ZProgramInput) }, ZProgram),
    async (c) => c.json(await createProgram(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route(
      'post',
      '/programs/copy-forward',
      '前年度の事業を引き継ぐ',
      { body: jsonBody(ZCopyForward) },
      ZProgramList,
    ),
    async (c) =>
      c.json(await copyProgramsForward(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route(
      'patch',
      '/programs/{id}',
      '事業を変更する（送った項目だけ）',
      { params: ZIdParam, body: jsonBody(ZProgramUpdate) },
      ZProgram,
    ),
    async (c) =>
      c.json(
        await updateProgram(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(route('delete', '/programs/{id}', '事業を削除する', { params: ZIdParam }, ZDeleted), async (c) =>
    c.json(await deleteProgram(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route('get', '/years/{fiscalYear}', '年度の設定（人口）', { params: ZYearParam }, ZYearSettingsView),
    async (c) =>
      c.json(await yearSettings(c.get('deps').db, requestContext(c), c.req.valid('param').fiscalYear), 200),
  )
  .openapi(
    route(
      'put',
      '/years/{fiscalYear}',
      '年度の設定を保存する',
      { params: ZYearParam, body: jsonBody(ZYearSettings) },
      ZYearSettingsView,
    ),
    async (c) =>
      c.json(
        await saveYearSettings(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').fiscalYear,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    route('post', '/targets', '成果目標を設定する', { body: jsonBody(ZTargetInput) }, ZTarget),
    async (c) => c.json(await createTarget(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route(
      'patch',
      '/targets/{id}',
      '成果目標を変更する',
      { params: ZIdParam, body: jsonBody(ZTargetUpdate) },
      ZTarget,
    ),
    async (c) =>
      c.json(
        await updateTarget(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    route('delete', '/targets/{id}', '成果目標を削除する', { params: ZIdParam }, ZDeleted),
    async (c) =>
      c.json(await deleteTarget(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route(
      'get',
      '/indicators',
      '自治体が入力する指標と月ごとの値',
      { query: ZYearQuery },
      z.array(ZCustomIndicator),
    ),
    async (c) =>
      c.json(
        await listCustomIndicators(
          c.get('deps').db,
          requestContext(c),
          thisYear(c.req.valid('query').fiscalYear),
        ),
        200,
      ),
  )
  .openapi(
    route(
      'post',
      '/indicators',
      '入力する指標を追加する',
      { body: jsonBody(ZCustomIndicatorInput) },
      ZCustomIndicator,
    ),
    async (c) =>
      c.json(await createCustomIndicator(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route(
      'put',
      '/indicators/{id}/values',
      '入力する指標の月ごとの値を保存する',
      { params: ZIdParam, body: jsonBody(ZCustomValues) },
      ZCustomIndicator,
    ),
    async (c) =>
      c.json(
        await saveCustomValues(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  );
