#pragma once

#include "ClientSecretCredential.h"

#include <QJsonObject>
#include <QProcessEnvironment>

#include <memory>

namespace Dps::Identity {

// azure-identity's EnvironmentCredential, for a service principal with a client secret: reads
// AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and, optionally, AZURE_AUTHORITY_HOST (else
// `defaultAuthorityHost`, the cloud's). Returns nullptr and a translated *error saying what is
// missing when the variables are incomplete. `tokenPipeline` is an anonymous pipeline.
std::shared_ptr<ClientSecretCredential> makeEnvironmentCredential(
    std::shared_ptr<Http::Pipeline> tokenPipeline,
    const QUrl &defaultAuthorityHost,
    QString *error,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
    std::shared_ptr<Http::Clock> clock = Http::SystemClock::instance());

// The service principal of arm-sandbox's info file ({authorityHost, servicePrincipal: {tenantId,
// clientId, clientSecret}}). Returns nullptr and *error when the file has none.
std::shared_ptr<ClientSecretCredential> makeSandboxCredential(
    std::shared_ptr<Http::Pipeline> tokenPipeline,
    const QJsonObject &sandboxInfo,
    QString *error,
    std::shared_ptr<Http::Clock> clock = Http::SystemClock::instance());

} // namespace Dps::Identity
