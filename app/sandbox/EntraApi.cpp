#include "Sandbox.h"
namespace Dps::Sandbox {
void registerEntraRoutes(Sandbox &) {}
}
