/**
 * A test kit for channel plugins: extend {@link org.switchboard.plugin.testkit.ChannelConnectorContract} with a
 * {@link org.switchboard.plugin.testkit.ChannelScenario} that plays the provider, and the contract checks what
 * every connector must do (configuration, secret redaction, signatures, canonical events, idempotent ids, send
 * outcomes). {@link org.switchboard.plugin.testkit.ProviderStub} is a real local HTTP server standing in for the
 * provider's API; {@link org.switchboard.plugin.testkit.TestConnectionContext} is the host's side.
 */
package org.switchboard.plugin.testkit;
