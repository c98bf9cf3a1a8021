#include "AppIcon.h"

#include <QString>

namespace Dps {

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/dps-setup.svg"));
}

} // namespace Dps
