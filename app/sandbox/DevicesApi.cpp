#include "Sandbox.h"
namespace Dps::Sandbox {
void registerDevicesRoutes(Sandbox &) {}
}
