#include "ResourceId.h"

#include <QStringList>

namespace Dps::Arm {

bool ResourceId::parse(const QString &id, ResourceId *out)
{
    Q_ASSERT(out);
    if (!out)
        return false;
    const QStringList s = id.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    auto is = [&s](int i, const char *literal) {
        return i < s.size() && s.at(i).compare(QLatin1String(literal), Qt::CaseInsensitive) == 0;
    };
    // subscriptions/{sub}[/resourceGroups/{rg}[/providers/{ns}/{type}/{name}]]
    if (!is(0, "subscriptions") || s.size() < 2)
        return false;
    ResourceId r;
    r.subscriptionId = s.at(1);
    int i = 2;
    if (is(i, "resourceGroups")) {
        if (s.size() < i + 2)
            return false;
        r.resourceGroup = s.at(i + 1);
        i += 2;
    }
    if (is(i, "providers")) {
        if (s.size() < i + 4)
            return false;
        r.providerNamespace = s.at(i + 1);
        r.type = s.at(i + 2);
        r.name = s.at(i + 3);
        i += 4; // child resources (.../listkeys, operationResults/...) are ignored
    } else if (i < s.size()) {
        return false;
    }
    *out = r;
    return true;
}

QString ResourceId::toString() const
{
    if (subscriptionId.isEmpty())
        return {};
    QString id = QStringLiteral("/subscriptions/") + subscriptionId;
    if (!resourceGroup.isEmpty())
        id += QStringLiteral("/resourceGroups/") + resourceGroup;
    if (!providerNamespace.isEmpty() && !type.isEmpty() && !name.isEmpty())
        id += QStringLiteral("/providers/%1/%2/%3").arg(providerNamespace, type, name);
    return id;
}

QString ResourceId::resourceGroupPath(const QString &subscriptionId, const QString &rg)
{
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(subscriptionId, rg);
}

QString ResourceId::hubPath(const QString &subscriptionId, const QString &rg, const QString &name)
{
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/IotHubs/%3")
        .arg(subscriptionId, rg, name);
}

QString ResourceId::dpsPath(const QString &subscriptionId, const QString &rg, const QString &name)
{
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/"
                          "provisioningServices/%3")
        .arg(subscriptionId, rg, name);
}

} // namespace Dps::Arm
