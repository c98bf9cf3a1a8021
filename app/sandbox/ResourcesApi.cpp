#include "Sandbox.h"
namespace Dps::Sandbox {
void registerResourceRoutes(Sandbox &) {}
}
