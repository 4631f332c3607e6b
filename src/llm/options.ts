/** Settings for the optional OpenAI-compatible model, from the environment (see env.ts). */
export interface LlmOptions {
  /** OPENAI_BASE_URL; undefined means https://api.openai.com/v1. */
  baseURL?: string;
  /** OPENAI_API_KEY; a placeholder when the server needs none (Ollama, vLLM). */
  apiKey: string;
  /** OPENAI_MODEL: the model id sent with every request, and the key of LlmUsage rows. */
  model: string;
  /** OPENAI_TIMEOUT_MS: a free-chat answer that takes longer is abandoned. */
  timeoutMs: number;
  /** The optional model risk assessor (raises, never lowers, the rules' level). */
  riskModel: {
    /** RISK_MODEL_ENABLED. */
    enabled: boolean;
    /** RISK_MODEL_TIMEOUT_MS. */
    timeoutMs: number;
  };
  /** SDK retries within the deadline (0 or 1). Default 0: a fallback answer is better than a late one. */
  maxRetries?: 0 | 1;
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
