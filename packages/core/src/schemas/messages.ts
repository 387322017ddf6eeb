/**
 * Every request, notification and result each side may send, across both eras, as unions
 * discriminated on `method` (results cannot be discriminated and are plain unions).
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  CompleteRequestSchema,
  CompleteResultSchema,
  type CompleteRequest,
  type CompleteResult,
} from './completion.js';
import {
  ElicitRequestSchema,
  ElicitResultSchema,
  ElicitationCompleteNotificationSchema,
  type ElicitRequest,
  type ElicitResult,
  type ElicitationCompleteNotification,
} from './elicitation.js';
import {
  CancelledNotificationSchema,
  DiscoverRequestSchema,
  DiscoverResultSchema,
  InitializeRequestSchema,
  InitializeResultSchema,
  InitializedNotificationSchema,
  PingRequestSchema,
  ProgressNotificationSchema,
  type CancelledNotification,
  type DiscoverRequest,
  type DiscoverResult,
  type InitializeRequest,
  type InitializeResult,
  type InitializedNotification,
  type PingRequest,
  type ProgressNotification,
} from './lifecycle.js';
import {
  LoggingMessageNotificationSchema,
  SetLevelRequestSchema,
  type LoggingMessageNotification,
  type SetLevelRequest,
} from './logging.js';
import {
  ResultSchema,
  type Result,
} from './meta.js';
import {
  InputRequiredResultSchema,
  type InputRequiredResult,
} from './mrtr.js';
import {
  GetPromptRequestSchema,
  GetPromptResultSchema,
  ListPromptsRequestSchema,
  ListPromptsResultSchema,
  PromptListChangedNotificationSchema,
  type GetPromptRequest,
  type GetPromptResult,
  type ListPromptsRequest,
  type ListPromptsResult,
  type PromptListChangedNotification,
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
  type ListResourceTemplatesRequest,
  type ListResourceTemplatesResult,
  type ListResourcesRequest,
  type ListResourcesResult,
  type ReadResourceRequest,
  type ReadResourceResult,
  type ResourceListChangedNotification,
  type ResourceUpdatedNotification,
} from './resources.js';
import {
  ListRootsRequestSchema,
  ListRootsResultSchema,
  RootsListChangedNotificationSchema,
  type ListRootsRequest,
  type ListRootsResult,
  type RootsListChangedNotification,
} from './roots.js';
import {
  CreateMessageResultSchema,
  type CreateMessageResult,
} from './sampling-message.js';
import {
  CreateMessageRequestSchema,
  type CreateMessageRequest,
} from './sampling.js';
import {
  SubscribeRequestSchema,
  SubscriptionsAcknowledgedNotificationSchema,
  SubscriptionsListenRequestSchema,
  SubscriptionsListenResultSchema,
  UnsubscribeRequestSchema,
  type SubscribeRequest,
  type SubscriptionsAcknowledgedNotification,
  type SubscriptionsListenRequest,
  type SubscriptionsListenResult,
  type UnsubscribeRequest,
} from './subscriptions.js';
import {
  ModernTaskStatusNotificationSchema,
  UpdateTaskRequestSchema,
  type ModernTaskStatusNotification,
  type UpdateTaskRequest,
} from './tasks-extension.js';
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
  type CancelTaskRequest,
  type CancelTaskResult,
  type GetTaskPayloadRequest,
  type GetTaskPayloadResult,
  type GetTaskRequest,
  type GetTaskResult,
  type ListTasksRequest,
  type ListTasksResult,
  type TaskStatusNotification,
} from './tasks.js';
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ListToolsRequestSchema,
  ListToolsResultSchema,
  ToolListChangedNotificationSchema,
  type CallToolRequest,
  type CallToolResult,
  type ListToolsRequest,
  type ListToolsResult,
  type ToolListChangedNotification,
} from './tools.js';

/** Any request a client sends to a server, in either era. */
export const ClientRequestSchema: z.ZodMiniType<ClientRequest> = z.discriminatedUnion('method', [
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
export type ClientRequest =
  | InitializeRequest
  | PingRequest
  | DiscoverRequest
  | ListResourcesRequest
  | ListResourceTemplatesRequest
  | ReadResourceRequest
  | SubscribeRequest
  | UnsubscribeRequest
  | SubscriptionsListenRequest
  | ListPromptsRequest
  | GetPromptRequest
  | ListToolsRequest
  | CallToolRequest
  | GetTaskRequest
  | GetTaskPayloadRequest
  | CancelTaskRequest
  | ListTasksRequest
  | UpdateTaskRequest
  | SetLevelRequest
  | CompleteRequest;

/** Any request a legacy-era server sends to a client (modern servers use input requests). */
export const ServerRequestSchema: z.ZodMiniType<ServerRequest> = z.discriminatedUnion('method', [
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
export type ServerRequest =
  | PingRequest
  | GetTaskRequest
  | GetTaskPayloadRequest
  | CancelTaskRequest
  | ListTasksRequest
  | CreateMessageRequest
  | ListRootsRequest
  | ElicitRequest;

/** Any notification a client sends, in either era. */
export const ClientNotificationSchema: z.ZodMiniType<ClientNotification> = z.discriminatedUnion('method', [
  CancelledNotificationSchema,
  InitializedNotificationSchema,
  ProgressNotificationSchema,
  TaskStatusNotificationSchema,
  RootsListChangedNotificationSchema,
]);
/** Any notification a client sends, in either era. */
export type ClientNotification =
  | CancelledNotification
  | InitializedNotification
  | ProgressNotification
  | TaskStatusNotification
  | RootsListChangedNotification;

/** Any notification a server sends, in either era. */
export const ServerNotificationSchema: z.ZodMiniType<ServerNotification> = z.discriminatedUnion('method', [
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
export type ServerNotification =
  | CancelledNotification
  | ProgressNotification
  | ResourceListChangedNotification
  | SubscriptionsAcknowledgedNotification
  | ResourceUpdatedNotification
  | PromptListChangedNotification
  | ToolListChangedNotification
  | TaskStatusNotification
  | ModernTaskStatusNotification
  | LoggingMessageNotification
  | ElicitationCompleteNotification;

/** Any result a client sends (legacy era; a modern client only sends requests). */
export const ClientResultSchema: z.ZodMiniType<ClientResult> = z.union([
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
export type ClientResult =
  | CreateMessageResult
  | ListRootsResult
  | ElicitResult
  | GetTaskResult
  | CancelTaskResult
  | ListTasksResult
  | GetTaskPayloadResult
  | Result;

/** Any result a server sends, in either era. */
export const ServerResultSchema: z.ZodMiniType<ServerResult> = z.union([
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
export type ServerResult =
  | InitializeResult
  | DiscoverResult
  | ListResourcesResult
  | ListResourceTemplatesResult
  | ReadResourceResult
  | SubscriptionsListenResult
  | ListPromptsResult
  | GetPromptResult
  | ListToolsResult
  | CallToolResult
  | CompleteResult
  | GetTaskResult
  | CancelTaskResult
  | ListTasksResult
  | InputRequiredResult
  | Result;
