#pragma once

#include <QIcon>

namespace Dps {

// The application icon, drawn from the SVG in resources/icons (needs Qt's SVG icon engine at run time).
QIcon applicationIcon();

} // namespace Dps
