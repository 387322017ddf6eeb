/**
 * Every request, notification and result each side may send, across both eras, as unions
 * discriminated on `method` (results cannot be discriminated and are plain unions).
 *
 * @module
 */
import * as z from 'zod/mini';
import { CompleteRequestSchema, CompleteResultSchema } from './completion.js';
import { ElicitRequestSchema, ElicitResultSchema, ElicitationCompleteNotificationSchema } from './elicitation.js';
import {
  CancelledNotificationSchema,
  DiscoverRequestSchema,
  DiscoverResultSchema,
  InitializeRequestSchema,
  InitializeResultSchema,
  InitializedNotificationSchema,
  PingRequestSchema,
  ProgressNotificationSchema,
} from './lifecycle.js';
import { LoggingMessageNotificationSchema, SetLevelRequestSchema } from './logging.js';
import { ResultSchema } from './meta.js';
import { InputRequiredResultSchema } from './mrtr.js';
import {
  GetPromptRequestSchema,
  GetPromptResultSchema,
  ListPromptsRequestSchema,
  ListPromptsResultSchema,
  PromptListChangedNotificationSchema,
} from './prompts.js';
import {
  ListResourceTemplatesRequestSchema,
  ListResourceTemplatesResultSchema,
  ListResourcesRequestSchema,
  ListResourcesResultSchema,
  ReadResourceRequestSchema,
  ReadResourceResultSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from './resources.js';
import { ListRootsRequestSchema, ListRootsResultSchema, RootsListChangedNotificationSchema } from './roots.js';
import { CreateMessageResultSchema } from './sampling-message.js';
import { CreateMessageRequestSchema } from './sampling.js';
import {
  SubscribeRequestSchema,
  SubscriptionsAcknowledgedNotificationSchema,
  SubscriptionsListenRequestSchema,
  SubscriptionsListenResultSchema,
  UnsubscribeRequestSchema,
} from './subscriptions.js';
import { ModernTaskStatusNotificationSchema, UpdateTaskRequestSchema } from './tasks-extension.js';
import {
  CancelTaskRequestSchema,
  CancelTaskResultSchema,
  GetTaskPayloadRequestSchema,
  GetTaskPayloadResultSchema,
  GetTaskRequestSchema,
  GetTaskResultSchema,
  ListTasksRequestSchema,
  ListTasksResultSchema,
  TaskStatusNotificationSchema,
} from './tasks.js';
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ListToolsRequestSchema,
  ListToolsResultSchema,
  ToolListChangedNotificationSchema,
} from './tools.js';

/** Any request a client sends to a server, in either era. */
export const ClientRequestSchema = z.discriminatedUnion('method', [
  InitializeRequestSchema,
  PingRequestSchema,
  DiscoverRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  SubscriptionsListenRequestSchema,
  ListPromptsRequestSchema,
  GetPromptRequestSchema,
  ListToolsRequestSchema,
  CallToolRequestSchema,
  GetTaskRequestSchema,
  GetTaskPayloadRequestSchema,
  CancelTaskRequestSchema,
  ListTasksRequestSchema,
  UpdateTaskRequestSchema,
  SetLevelRequestSchema,
  CompleteRequestSchema,
]);
/** Any request a client sends to a server, in either era. */
export type ClientRequest = z.infer<typeof ClientRequestSchema>;

/** Any request a legacy-era server sends to a client (modern servers use input requests). */
export const ServerRequestSchema = z.discriminatedUnion('method', [
  PingRequestSchema,
  GetTaskRequestSchema,
  GetTaskPayloadRequestSchema,
  CancelTaskRequestSchema,
  ListTasksRequestSchema,
  CreateMessageRequestSchema,
  ListRootsRequestSchema,
  ElicitRequestSchema,
]);
/** Any request a legacy-era server sends to a client. */
export type ServerRequest = z.infer<typeof ServerRequestSchema>;

/** Any notification a client sends, in either era. */
export const ClientNotificationSchema = z.discriminatedUnion('method', [
  CancelledNotificationSchema,
  InitializedNotificationSchema,
  ProgressNotificationSchema,
  TaskStatusNotificationSchema,
  RootsListChangedNotificationSchema,
]);
/** Any notification a client sends, in either era. */
export type ClientNotification = z.infer<typeof ClientNotificationSchema>;

/** Any notification a server sends, in either era. */
export const ServerNotificationSchema = z.discriminatedUnion('method', [
  CancelledNotificationSchema,
  ProgressNotificationSchema,
  ResourceListChangedNotificationSchema,
  SubscriptionsAcknowledgedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  PromptListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
  TaskStatusNotificationSchema,
  ModernTaskStatusNotificationSchema,
  LoggingMessageNotificationSchema,
  ElicitationCompleteNotificationSchema,
]);
/** Any notification a server sends, in either era. */
export type ServerNotification = z.infer<typeof ServerNotificationSchema>;

/** Any result a client sends (legacy era; a modern client only sends requests). */
export const ClientResultSchema = z.union([
  CreateMessageResultSchema,
  ListRootsResultSchema,
  ElicitResultSchema,
  GetTaskResultSchema,
  CancelTaskResultSchema,
  ListTasksResultSchema,
  GetTaskPayloadResultSchema,
  ResultSchema,
]);
/** Any result a client sends. */
export type ClientResult = z.infer<typeof ClientResultSchema>;

/** Any result a server sends, in either era. */
export const ServerResultSchema = z.union([
  InitializeResultSchema,
  DiscoverResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ReadResourceResultSchema,
  SubscriptionsListenResultSchema,
  ListPromptsResultSchema,
  GetPromptResultSchema,
  ListToolsResultSchema,
  CallToolResultSchema,
  CompleteResultSchema,
  GetTaskResultSchema,
  CancelTaskResultSchema,
  ListTasksResultSchema,
  InputRequiredResultSchema,
  ResultSchema,
]);
/** Any result a server sends, in either era. */
export type ServerResult = z.infer<typeof ServerResultSchema>;
